package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.uketsuke.settings.AssistantSettings;
import jp.uketsuke.settings.SettingsSnapshot;
import jp.uketsuke.tenant.TenantContext;

/**
 * Puts together a turn's {@link Briefing} from the tenant's settings and FAQ. The settings may have
 * been written by anyone (the old backend, hand edits): they are read into records that hold only
 * what is sound, so a damaged item never breaks a turn.
 */
@ApplicationScoped
public class Grounding {
  @Inject AssistantSettings settings;
  @Inject FaqKnowledge faqKnowledge;
  @Inject ChatSettings chat;
  @Inject TenantContext tenant;

  /**
   * The briefing for a turn whose caller said {@code text}: settings and the FAQ version come from
   * one store call, and the FAQ index is read from memory unless that version moved.
   */
  public Briefing forText(String text) {
    SettingsSnapshot snapshot = settings.snapshot(TaskTools.NAMES);
    return briefing(
        snapshot,
        faqKnowledge.relevant(tenant.tenantId(), text, chat.faqTopK(), snapshot.faqVersion()));
  }

  /**
   * The briefing a voice session starts with, before the caller said anything: with no words to
   * rank by, the FAQ knowledge is the tenant's {@code k} most used entries.
   */
  public Briefing forSessionStart() {
    SettingsSnapshot snapshot = settings.snapshot(TaskTools.NAMES);
    return briefing(
        snapshot, faqKnowledge.mostUsed(tenant.tenantId(), chat.faqTopK(), snapshot.faqVersion()));
  }

  private Briefing briefing(SettingsSnapshot snapshot, List<FaqMatch> faqs) {
    String fallback = snapshot.funcConfig().fallbackMessage();
    return new Briefing(
        instructions(snapshot.prompt(), snapshot.funcConfig().instructions(), faqs),
        ToolSet.of(snapshot.funcConfig(), snapshot.extTools()),
        faqs,
        fallback == null ? chat.fallbackMessage() : fallback);
  }

  /** The tenant's tools alone, for running one the voice server's model asked for. */
  public ToolSet tools() {
    SettingsSnapshot snapshot = settings.snapshot(TaskTools.NAMES);
    return ToolSet.of(snapshot.funcConfig(), snapshot.extTools());
  }

  private static String instructions(String prompt, String funcInstructions, List<FaqMatch> faqs) {
    StringBuilder text = new StringBuilder(prompt);
    appendSection(text, null, funcInstructions);
    appendSection(text, "## FAQ", FaqKnowledge.knowledge(faqs));
    return text.toString().strip();
  }

  private static void appendSection(StringBuilder text, String heading, String body) {
    if (body.isBlank()) {
      return;
    }
    text.append("\n\n");
    if (heading != null) {
      text.append(heading).append("\n");
    }
    text.append(body.strip());
  }
}
