package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import jp.uketsuke.calls.CallHistory;
import jp.uketsuke.calls.Turn;
import jp.uketsuke.llm.ChatMessage;
import jp.uketsuke.llm.LanguageModel;
import jp.uketsuke.tenant.TenantContext;

/**
 * One caller turn: history, grounding, the model and its tools, and when the model cannot answer
 * the best FAQ or the tenant's fallback message. Whatever happens, the turn is stored and metered.
 */
@ApplicationScoped
public class ChatEngine {
  private static final Logger LOG = Logger.getLogger(ChatEngine.class.getName());

  @Inject TenantContext tenant;
  @Inject CallHistory history;
  @Inject Grounding grounding;
  @Inject ToolLoop loop;
  @Inject LanguageModel model;
  @Inject ChatSettings settings;
  @Inject TurnRecorder recorder;
  @Inject FaqKnowledge faqs;

  public TurnOutcome answer(CallerScope caller, String userText) {
    long started = System.nanoTime();
    Instant deadline = Instant.now().plus(settings.deadline());
    List<Turn> earlier = earlierTurns(caller);
    Briefing briefing = grounding.forText(userText);
    TurnOutcome outcome =
        withModel(conversation(briefing, earlier, userText), briefing, caller, deadline);
    recorder.record(caller, userText, outcome, (System.nanoTime() - started) / 1_000_000);
    faqs.recordUse(tenant.tenantId(), used(briefing, outcome));
    return outcome;
  }

  /**
   * A withheld number is shared by every anonymous caller: without a call SID their turns would mix
   * strangers' conversations, so such a turn starts without history.
   */
  private List<Turn> earlierTurns(CallerScope caller) {
    if (!caller.identified() && caller.callSid() == null) {
      return List.of();
    }
    return history.latest(
        tenant.tenantId(), caller.phone(), caller.callSid(), settings.historyTurns());
  }

  private TurnOutcome withModel(
      List<ChatMessage> conversation, Briefing briefing, CallerScope caller, Instant deadline) {
    if (!model.configured()) {
      return offline(briefing, null, 0, 0, List.of());
    }
    try {
      return loop.run(conversation, briefing, caller, deadline);
    } catch (ToolLoop.NoAnswer e) {
      LOG.warning(
          "tenant " + tenant.tenantId() + ": answering without the model: " + e.getMessage());
      ToolLoop.Progress p = e.progress;
      return offline(briefing, e.getMessage(), p.tokensIn, p.tokensOut, List.copyOf(p.tools));
    }
  }

  /**
   * The first FAQ when retrieval is confident enough, else the tenant's fallback message. Only the
   * first: on the evaluation set, letting a lower-ranked FAQ answer when the first is not confident
   * added as many wrong answers as right ones (docs/quality.md).
   */
  private TurnOutcome offline(
      Briefing briefing, String error, int tokensIn, int tokensOut, List<String> tools) {
    return briefing.faqs().stream()
        .findFirst()
        .filter(match -> match.confidence() >= settings.faqThreshold())
        .map(
            match ->
                new TurnOutcome(
                    match.faq().answer(), "faq", null, tokensIn, tokensOut, tools, error))
        .orElseGet(
            () ->
                new TurnOutcome(
                    briefing.fallbackMessage(),
                    "fallback",
                    null,
                    tokensIn,
                    tokensOut,
                    tools,
                    error));
  }

  /**
   * The FAQ entries a turn relied on: the one that answered, or those confident enough that the
   * model very likely drew on them.
   */
  private List<FaqMatch> used(Briefing briefing, TurnOutcome outcome) {
    return switch (outcome.mode()) {
      case "faq" ->
          briefing.faqs().stream()
              .filter(m -> m.faq().answer().equals(outcome.reply()))
              .limit(1)
              .toList();
      case "llm" ->
          briefing.faqs().stream().filter(m -> m.confidence() >= settings.faqThreshold()).toList();
      default -> List.of();
    };
  }

  /** System instructions, then earlier turns in time order, then the new words. */
  static List<ChatMessage> conversation(Briefing briefing, List<Turn> earlier, String userText) {
    List<ChatMessage> messages = new ArrayList<>();
    if (!briefing.instructions().isBlank()) {
      messages.add(ChatMessage.system(briefing.instructions()));
    }
    for (Turn turn : earlier) {
      if (turn.userText() != null && !turn.userText().isBlank()) {
        messages.add(ChatMessage.user(turn.userText()));
      }
      if (turn.assistantText() != null && !turn.assistantText().isBlank()) {
        messages.add(ChatMessage.assistant(turn.assistantText()));
      }
    }
    messages.add(ChatMessage.user(userText));
    return messages;
  }
}
