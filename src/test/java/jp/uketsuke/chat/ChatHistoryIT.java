package jp.uketsuke.chat;

import static jp.uketsuke.chat.ChatIT.chat;
import static jp.uketsuke.chat.ChatIT.tenant;
import static jp.uketsuke.chat.ModelStub.answer;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** The conversation a turn is given: the latest turns of this phone (and call), in time order. */
class ChatHistoryIT {
  static final String PHONE = "0312340000";

  /**
   * 25 old turns of one phone: seconds and microsecond timestamps mixed, single-text items as the
   * voice server writes them, every third of call CAh; plus turns of a look-alike phone and of
   * another tenant that must never appear.
   */
  static void seed(String tenant) {
    for (int i = 0; i < 25; i++) {
      String ts =
          i % 2 == 0
              ? "2025-10-01T10:00:%02d+00:00".formatted(i / 2)
              : "2025-10-01T10:00:%02d.000001+00:00".formatted(i / 2);
      String field = i % 2 == 0 ? "user_text" : "assistant_text";
      ChatTables.put(
          ChatTables.legacyTurn(
              tenant, PHONE, ts, field, "h%02d".formatted(i), i % 3 == 0 ? "CAh" : "CAother"));
    }
    ChatTables.put(
        ChatTables.legacyTurn(
            tenant, PHONE + "1", "2025-10-01T11:00:00+00:00", "user_text", "other phone", "CAh"));
    ChatTables.put(
        ChatTables.legacyTurn(
            tenant + "-b", PHONE, "2025-10-01T11:00:00+00:00", "user_text", "other tenant", "CAh"));
  }

  /** The history the model got: message contents between the system prompt and the new words. */
  static List<String> history(JsonObject request) {
    List<String> contents =
        request.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
            .filter(m -> !m.getString("role").equals("system"))
            .map(m -> m.getString("content"))
            .toList();
    return contents.subList(0, contents.size() - 1);
  }

  @Test
  void theModelGetsTheLatestTwentyTurnsOfThePhoneInTimeOrder() {
    Api owner = tenant("chat-history");
    seed("chat-history");
    try (ModelStub model = new ModelStub("marker:chat-history")) {
      model.always(answer("ok", 1, 1));
      owner.post("/chat", chat(PHONE, "now", null)).ok();
      List<String> expected = new ArrayList<>();
      for (int i = 5; i < 25; i++) {
        expected.add("h%02d".formatted(i));
      }
      assertThat(history(model.requests().get(0))).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void withACallSidOnlyThatCallsTurnsOfThatPhoneAreSent() {
    Api owner = tenant("chat-history-call");
    seed("chat-history-call");
    try (ModelStub model = new ModelStub("marker:chat-history-call")) {
      model.always(answer("ok", 1, 1));
      owner.post("/chat", chat(PHONE, "now", "CAh")).ok();
      assertThat(history(model.requests().get(0)))
          .containsExactly("h00", "h03", "h06", "h09", "h12", "h15", "h18", "h21", "h24");
    }
  }

  @Test
  void aWithheldNumberWithoutACallSidGetsNoStrangersHistory() {
    Api owner = tenant("chat-history-unknown");
    ChatTables.put(
        ChatTables.legacyTurn(
            "chat-history-unknown",
            "unknown",
            "2025-10-01T10:00:00+00:00",
            "user_text",
            "a stranger's words",
            "CAstranger"));
    try (ModelStub model = new ModelStub("marker:chat-history-unknown")) {
      model.always(answer("ok", 1, 1));
      owner.post("/chat", chat("unknown", "now", null)).ok();
      owner.post("/chat", chat("unknown", "again", "CAstranger")).ok();
      assertThat(history(model.requestFor("now"))).isEmpty();
      assertThat(history(model.requestFor("again"))).containsExactly("a stranger's words");
    }
  }

  @Test
  void aHundredConcurrentTurnsOfOnePhoneInTheSameSecondAreAllStoredAndCounted() throws Exception {
    String tenant = "chat-concurrent";
    tenant(tenant);
    try (ModelStub model = new ModelStub("marker:" + tenant)) {
      model.always(answer("はい", 2, 1));
      ExecutorService pool = Executors.newFixedThreadPool(20);
      try {
        Api voice =
            Api.as(Tokens.service())
                .header("x-client-id", tenant)
                .header("Content-Type", "application/json");
        List<Future<JsonObject>> replies = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
          String body = chat("09077778888", "turn " + i, "CAconc");
          replies.add(pool.submit(() -> voice.post("/chat", body).ok()));
        }
        for (Future<JsonObject> reply : replies) {
          assertThat(reply.get().getString("mode")).isEqualTo("llm");
        }
      } finally {
        pool.shutdown();
      }
    }
    assertThat(ChatTables.turns(tenant)).hasSize(100);
    JsonObject day =
        Api.as(Tokens.person(tenant)).get("/usage").ok().getJsonArray("items").getJsonObject(0);
    assertThat(day.getInt("turns")).isEqualTo(100);
    assertThat(day.getInt("tokens_in")).isEqualTo(200);
    assertThat(day.getInt("tokens_out")).isEqualTo(100);
  }
}
