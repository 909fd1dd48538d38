package jp.uketsuke.calls;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.llm.ChatMessage;
import jp.uketsuke.llm.ChatResponse;
import jp.uketsuke.llm.LanguageModel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A call's summary written by the configured model: one model call that answers {@code text} and
 * {@code caller_intent} as JSON, its tokens metered in {@code /usage} like a chat turn's. Without a
 * model, or when the call fails, times out or answers something else, there is none and the
 * extractive summary stands.
 */
@ApplicationScoped
class ModelSummary {
  private static final Logger LOG = Logger.getLogger(ModelSummary.class.getName());
  static final int MAX_TRANSCRIPT = 12_000;
  static final int MAX_FIELD = 1_000;

  static final String INSTRUCTIONS =
      "You summarise a phone call between a caller and the AI receptionist of a small business,"
          + " for the business owner. Answer with one JSON object and nothing else:"
          + " {\"text\": \"2 to 4 sentences: what the caller wanted, what was agreed or done"
          + " (reservations, tasks), what is left open\", \"caller_intent\": \"what the caller"
          + " wanted, in a few words\"}. Write in the language of the call.";

  @Inject LanguageModel model;
  @Inject ModelUsage usage;

  @Inject
  @ConfigProperty(name = "uketsuke.calls.summary-timeout", defaultValue = "PT20S")
  Duration timeout;

  /** Whether summaries ask a model at all. */
  boolean configured() {
    return model.configured();
  }

  /** The longest a summary waits for the model. */
  Duration timeout() {
    return timeout;
  }

  /** The model's summary, or empty when the extractive one must stand. */
  Optional<CallSummary> of(String tenantId, CallSummary extractive, List<Turn> turns) {
    if (!model.configured()) {
      return Optional.empty();
    }
    try {
      ChatResponse response =
          model.complete(
              model.request(
                  List.of(
                      ChatMessage.system(INSTRUCTIONS),
                      ChatMessage.user(transcript(turns, extractive.tasks()))),
                  null,
                  false),
              Instant.now().plus(timeout));
      usage.tokens(
          tenantId, extractive.endedAt(), response.promptTokens(), response.completionTokens());
      return parse(response).map(parts -> withModelParts(extractive, parts));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "call summary: the model failed, the extractive summary stands", e);
      return Optional.empty();
    }
  }

  /** The turns as the model reads them, newest kept when the call is long. */
  static String transcript(List<Turn> turns, List<String> tasks) {
    StringBuilder text = new StringBuilder();
    for (int i = turns.size() - 1; i >= 0 && text.length() < MAX_TRANSCRIPT; i--) {
      Turn turn = turns.get(i);
      StringBuilder lines = new StringBuilder();
      append(lines, "Caller", turn.userText());
      append(lines, "Assistant", turn.assistantText());
      text.insert(0, lines);
    }
    if (!tasks.isEmpty()) {
      text.append("Tasks created or changed during the call: ")
          .append(String.join(", ", tasks))
          .append('\n');
    }
    return text.toString();
  }

  private static void append(StringBuilder lines, String who, String said) {
    if (said != null && !said.isBlank()) {
      lines.append(who).append(": ").append(said.strip()).append('\n');
    }
  }

  record Parts(String text, String callerIntent) {}

  /** The JSON object the model was asked for (a code fence around it is tolerated). */
  static Optional<Parts> parse(ChatResponse response) {
    ChatMessage message = response.message();
    if (message == null || message.content() == null) {
      return Optional.empty();
    }
    String content = message.content().strip();
    int start = content.indexOf('{');
    int end = content.lastIndexOf('}');
    if (start < 0 || end <= start) {
      return Optional.empty();
    }
    try (var reader = JSON.createReader(new StringReader(content.substring(start, end + 1)))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject json)
          || !(json.get("text") instanceof JsonString text)
          || text.getString().isBlank()) {
        return Optional.empty();
      }
      String intent =
          json.get("caller_intent") instanceof JsonString s && !s.getString().isBlank()
              ? cut(s.getString())
              : null;
      return Optional.of(new Parts(cut(text.getString()), intent));
    } catch (RuntimeException notJson) {
      return Optional.empty();
    }
  }

  private static String cut(String text) {
    String stripped = text.strip();
    return stripped.length() <= MAX_FIELD ? stripped : stripped.substring(0, MAX_FIELD) + "…";
  }

  private static CallSummary withModelParts(CallSummary extractive, Parts parts) {
    return new CallSummary(
        extractive.callSid(),
        extractive.phoneNumber(),
        extractive.startedAt(),
        extractive.endedAt(),
        extractive.turns(),
        parts.text(),
        parts.callerIntent() != null ? parts.callerIntent() : extractive.callerIntent(),
        extractive.tasks(),
        "llm");
  }
}
