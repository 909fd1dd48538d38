package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.uketsuke.llm.ChatMessage;
import jp.uketsuke.llm.ChatResponse;
import jp.uketsuke.llm.LanguageModel;
import jp.uketsuke.llm.ModelException;
import jp.uketsuke.llm.ToolCall;

/**
 * The model rounds of one turn: the model answers or asks for tools, the tools run and their
 * results go back, up to the configured number of rounds. The last round, and any round that starts
 * close to the deadline, must answer in text; a model that asks for tools in a round started close
 * to the deadline ends the turn there, so a turn ends in time with a reply. No model call waits
 * past the deadline either: its read timeout shrinks to what is left of the turn.
 */
@ApplicationScoped
public class ToolLoop {
  @Inject LanguageModel model;
  @Inject ToolRunner runner;
  @Inject ChatSettings settings;

  /** Thrown when no text answer came; the turn then answers without the model. */
  public static final class NoAnswer extends RuntimeException {
    final transient Progress progress;

    NoAnswer(String reason, Progress progress, Throwable cause) {
      super(reason, cause, false, false);
      this.progress = progress;
    }
  }

  /** Tokens and tool names so far, kept when the turn fails half-way. */
  static final class Progress {
    int tokensIn;
    int tokensOut;
    final List<String> tools = new ArrayList<>();
  }

  public TurnOutcome run(
      List<ChatMessage> conversation, Briefing briefing, CallerScope caller, Instant deadline) {
    List<ChatMessage> messages = new ArrayList<>(conversation);
    Progress progress = new Progress();
    for (int round = 1; round <= settings.maxRounds(); round++) {
      Duration left = Duration.between(Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw new NoAnswer("deadline reached", progress, null);
      }
      boolean nearDeadline = left.compareTo(settings.roundReserve()) < 0;
      boolean last = round == settings.maxRounds() || nearDeadline;
      ChatMessage answer = ask(messages, briefing, !last, progress, deadline);
      if (answer.callsTools() && nearDeadline) {
        // Told to answer in text, it asked for tools again: another round would run past the
        // deadline, so the turn ends here.
        throw new NoAnswer("deadline reached", progress, null);
      }
      if (!answer.callsTools()) {
        if (answer.content() == null || answer.content().isBlank()) {
          throw new NoAnswer("empty answer", progress, null);
        }
        return new TurnOutcome(
            answer.content().strip(),
            "llm",
            model.model(),
            progress.tokensIn,
            progress.tokensOut,
            List.copyOf(progress.tools),
            null);
      }
      messages.add(answer);
      for (ToolCall call : answer.toolCalls()) {
        messages.add(runTool(call, briefing, caller, progress));
      }
    }
    throw new NoAnswer("no answer within " + settings.maxRounds() + " rounds", progress, null);
  }

  private ChatMessage ask(
      List<ChatMessage> messages,
      Briefing briefing,
      boolean mayCallTools,
      Progress progress,
      Instant deadline) {
    ChatResponse response;
    try {
      response =
          model.complete(
              model.request(messages, briefing.tools().definitions(), mayCallTools), deadline);
    } catch (ModelException.OutOfTime e) {
      throw new NoAnswer("deadline reached", progress, e);
    } catch (RuntimeException e) {
      throw new NoAnswer("model failed: " + e.getClass().getSimpleName(), progress, e);
    }
    progress.tokensIn += response.promptTokens();
    progress.tokensOut += response.completionTokens();
    ChatMessage answer = response.message();
    if (answer == null) {
      throw new NoAnswer("no choice in the answer", progress, null);
    }
    return answer;
  }

  private ChatMessage runTool(
      ToolCall call, Briefing briefing, CallerScope caller, Progress progress) {
    String name = call.function() == null ? "" : call.function().name();
    progress.tools.add(name);
    JsonObject result =
        runner.run(
            name,
            call.function() == null ? null : call.function().arguments(),
            caller,
            briefing.tools());
    return ChatMessage.toolResult(call.id(), result.toString());
  }
}
