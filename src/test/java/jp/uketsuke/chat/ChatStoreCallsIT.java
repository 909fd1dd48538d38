package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatIT.TASK_TOOLS;
import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatIT.tenant;
import static jp.uketsuke.chat.ModelStub.answer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;
import org.junit.jupiter.api.Test;

/**
 * A turn's store budget: at most 4 DynamoDB calls (settings with the FAQ version, history, the
 * turn, the phone directory), counted by the test server's {@code X-Store-Calls} header. Metering
 * and FAQ use counts are written later in batches, and {@code /usage} still shows every turn.
 */
class ChatStoreCallsIT {
  private static final int BUDGET = 4;

  @Test
  void aTurnMakesAtMostFourStoreCallsAndAFaqChangeIsStillSeenByTheNextTurn() {
    Api owner = tenant("chat-calls");
    owner.put("/func-config", TASK_TOOLS).ok();
    for (int i = 1; i <= 12; i++) {
      owner.post("/faq", "{\"question\": \"質問" + i + "について\", \"answer\": \"答え" + i + "です\"}").ok();
    }
    try (ModelStub model = new ModelStub("marker:chat-calls")) {
      model.always(answer("承知しました。", 11, 4));
      // The first turn after a FAQ change also loads the tenant's FAQ into memory.
      storeCalls(owner.post("/chat", chat("0311113333", "質問1について", "CAcalls")));
      for (int i = 0; i < 3; i++) {
        assertThat(storeCalls(owner.post("/chat", chat("0311113333", "質問2について", "CAcalls"))))
            .as("store calls of a turn with a call SID")
            .isLessThanOrEqualTo(BUDGET);
      }
      assertThat(storeCalls(owner.post("/chat", chat("0311113334", "質問3について", null))))
          .as("store calls of a turn without a call SID")
          .isLessThanOrEqualTo(BUDGET);

      owner.post("/faq", "{\"question\": \"駐車場はありますか\", \"answer\": \"10台分あります\"}").ok();
      owner.post("/chat", chat("0311113333", "駐車場はありますか", "CAcalls")).ok();
      assertThat(systemPrompt(model.requestFor("駐車場はありますか"))).contains("10台分あります");
      assertThat(storeCalls(owner.post("/chat", chat("0311113333", "駐車場は", "CAcalls"))))
          .isLessThanOrEqualTo(BUDGET);
    }

    String today = LocalDate.now(ZoneOffset.UTC).toString();
    JsonObject day =
        owner
            .get("/usage?from=" + today + "&to=" + today)
            .ok()
            .getJsonArray("items")
            .getJsonObject(0);
    assertThat(day.getInt("turns")).isEqualTo(7);
    assertThat(day.getInt("tokens_in")).isEqualTo(7 * 11);
    assertThat(day.getInt("tokens_out")).isEqualTo(7 * 4);
  }

  private static int storeCalls(Reply reply) {
    reply.ok();
    String header = reply.header("X-Store-Calls");
    assertThat(header).as("the test server counts store calls").isNotNull();
    return Integer.parseInt(header);
  }

  private static String systemPrompt(JsonObject request) {
    return request.getJsonArray("messages").getJsonObject(0).getString("content");
  }
}
