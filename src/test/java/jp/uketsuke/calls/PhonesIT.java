package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /phones} from the phone directory, and its rebuild from legacy turns. */
class PhonesIT {
  private static final Instant BASE = Instant.parse("2025-10-01T00:00:00Z");

  @Test
  void after1000WritesOver50PhonesEachPhoneHasItsCountAndTheListIsNewestFirst() throws Exception {
    Api voice = Api.as(Tokens.service()).header("x-client-id", "phones-1000");
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      order.add(i);
    }
    // Out of order, so older turns arrive after newer ones and must not move last activity back.
    Collections.shuffle(order, new Random(5));
    ConcurrentPosts.postAll(
        Tokens.service(), "phones-1000", order.stream().map(PhonesIT::body).toList(), 8);

    JsonObject phones = voice.get("/phones").ok();
    List<String> items = phones.getJsonArray("items").getValuesAs(JsonString::getString);
    List<JsonObject> entries = phones.getJsonArray("phones").getValuesAs(JsonObject.class);
    assertThat(items).hasSize(50).first().isEqualTo(phone(999));
    assertThat(items.get(49)).isEqualTo(phone(950));
    assertThat(entries)
        .extracting(e -> e.getString("phone_number"))
        .containsExactlyElementsOf(items);
    assertThat(entries).allMatch(e -> e.getInt("turns") == 20);
    JsonObject newest = entries.get(0);
    assertThat(newest.getString("last_ts")).isEqualTo(ts(999));
    assertThat(newest.getString("last_call_sid")).isEqualTo("CA999");
    assertThat(entries.get(1).getString("last_ts")).isEqualTo(ts(998));
  }

  @Test
  void aRebuildComputesTheDirectoryFromLegacyTurnsAndIsIdempotent() {
    String tenant = "phones-legacy";
    List<Map<String, AttributeValue>> legacy = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      legacy.add(
          RawTables.turn(
              tenant, "0600000000" + (i % 3), ts(i), "old", i % 2 == 0 ? "CAl" + i : null));
    }
    RawTables.putAll(RawTables.LOGS, legacy);
    RawTables.putAll(
        RawTables.PHONES,
        List.of(
            Map.of(
                "client_id", RawTables.s(tenant),
                "phone_number", RawTables.s("0999999999"),
                "turns", AttributeValue.fromN("3"))));
    Api owner = Api.as(Tokens.person(tenant));
    assertThat(owner.get("/phones").ok().getJsonArray("items")).hasSize(1);

    JsonObject rebuilt = owner.post("/phones/rebuild", "").ok();
    assertThat(rebuilt.getInt("phones")).isEqualTo(3);
    assertThat(rebuilt.getInt("removed")).isEqualTo(1);
    JsonObject first = owner.get("/phones").ok();
    assertThat(first.getJsonArray("items").getValuesAs(JsonString::getString))
        .containsExactly("06000000002", "06000000001", "06000000000");
    JsonObject newest = first.getJsonArray("phones").getJsonObject(0);
    assertThat(newest.getString("last_ts")).isEqualTo(ts(29));
    assertThat(newest.getInt("turns")).isEqualTo(10);
    assertThat(newest.containsKey("last_call_sid")).isFalse();
    assertThat(first.getJsonArray("phones").getJsonObject(1).getString("last_call_sid"))
        .isEqualTo("CAl28");

    owner.post("/phones/rebuild", "").ok();
    assertThat(owner.get("/phones").ok()).isEqualTo(first);
    owner.post("/call", "{\"phone_number\": \"06000000000\", \"user_text\": \"new\"}").ok();
    JsonObject after = owner.get("/phones").ok().getJsonArray("phones").getJsonObject(0);
    assertThat(after.getString("phone_number")).isEqualTo("06000000000");
    assertThat(after.getInt("turns")).isEqualTo(11);
  }

  @Test
  void anotherTenantSeesNoneOfThesePhonesAndOnlyPeopleRebuild() {
    Api.as(Tokens.person("phones-a"))
        .post("/call", "{\"phone_number\": \"0311110000\", \"user_text\": \"a\"}")
        .ok();
    Api b = Api.as(Tokens.person("phones-b"));
    JsonObject phones = b.get("/phones").ok();
    assertThat(phones.getJsonArray("items")).isEmpty();
    assertThat(phones.getJsonArray("phones")).isEmpty();
    b.post("/phones/rebuild", "").ok();
    assertThat(Api.as(Tokens.person("phones-a")).get("/phones").ok().getJsonArray("items"))
        .hasSize(1);

    Api voice = Api.as(Tokens.service()).header("x-client-id", "phones-a");
    assertThat(voice.get("/phones").ok().getJsonArray("items")).hasSize(1);
    voice.post("/phones/rebuild", "").problem(403);
    Api.anonymous().get("/phones").problem(401);
    Api.anonymous().post("/phones/rebuild", "").problem(401);
  }

  private static String body(int i) {
    return "{\"phone_number\": \"%s\", \"ts\": \"%s\", \"user_text\": \"u\", \"call_sid\": \"CA%d\"}"
        .formatted(phone(i), ts(i), i);
  }

  private static String phone(int i) {
    return "080%08d".formatted(i % 50);
  }

  /** Seconds for even turns, microseconds for odd ones, one second apart. */
  private static String ts(int i) {
    String seconds = BASE.plusSeconds(i).toString().replace("Z", "");
    return i % 2 == 0 ? seconds + "+00:00" : seconds + ".000123+00:00";
  }
}
