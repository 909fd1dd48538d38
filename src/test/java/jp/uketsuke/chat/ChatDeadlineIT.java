package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatIT.TASK_TOOLS;
import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatIT.tenant;
import static jp.uketsuke.chat.ChatTables.s;
import static jp.uketsuke.chat.ModelStub.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.Map;
import jp.uketsuke.testing.Api;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The overall deadline of a turn ({@code uketsuke.chat.deadline}, 6 s on the test server, with the
 * default 4 s round reserve): a model that keeps asking for tools, slowly, is stopped by it, and
 * the caller still gets an answer within the deadline.
 */
class ChatDeadlineIT {
  static final long DEADLINE_MS = 6_000;

  /** Below the test server's 2 s read timeout: each round is slow but succeeds. */
  static final int ROUND_MS = 1_800;

  @Test
  void slowToolRoundsAreCutAtTheDeadlineAndTheTurnIsAnsweredWithoutTheModelAndStored() {
    Api owner = tenant("chat-deadline");
    owner.put("/func-config", TASK_TOOLS).ok();
    try (ModelStub model = new ModelStub("marker:chat-deadline")) {
      model.always(toolCalls("list_tasks", "{}").withFixedDelay(ROUND_MS));
      long started = System.nanoTime();
      JsonObject reply = owner.post("/chat", chat("0311117777", "予約を確認したい", "CAdeadline")).ok();
      long tookMs = (System.nanoTime() - started) / 1_000_000;

      assertThat(reply.getString("mode")).isEqualTo("fallback");
      assertThat(reply.getString("reply")).isEqualTo(ChatFallbackIT.APOLOGY);
      // Four rounds would take 4 x 1.8 s = 7.2 s: the turn ended by the deadline, not by rounds.
      assertThat(tookMs).isLessThan(DEADLINE_MS + 1_000);
    }
    Map<String, AttributeValue> turn = ChatTables.turns("chat-deadline").get(0);
    assertThat(s(turn, "mode")).isEqualTo("fallback");
    assertThat(s(turn, "error")).isEqualTo("deadline reached");
    assertThat(s(turn, "user_text")).isEqualTo("予約を確認したい");
    assertThat(s(turn, "call_sid")).isEqualTo("CAdeadline");
    // The rounds that finished before the deadline ran their tools (three when the machine keeps
    // up).
    assertThat(turn.get("tools").l())
        .extracting(AttributeValue::s)
        .hasSizeBetween(2, 3)
        .containsOnly("list_tasks");
  }
}
