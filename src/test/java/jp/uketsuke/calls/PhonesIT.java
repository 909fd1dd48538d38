package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Eventually;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code GET /phones}: the callers as the old console reads them (strings only), and a phone
 * directory derived from the call log whoever wrote it, within seconds, without a rebuild.
 */
class PhonesIT {
  private static final Instant BASE = Instant.parse("2025-10-01T00:00:00Z");
  private static final Duration SOON = Duration.ofSeconds(10);

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

    JsonObject phones =
        Eventually.within(
            SOON,
            () -> {
              JsonObject now = voice.get("/phones").ok();
              assertThat(entries(now)).hasSize(50).allMatch(e -> e.getInt("turns") == 20);
              return now;
            });
    List<String> items = strings(phones, "items");
    List<JsonObject> entries = entries(phones);
    assertThat(phones.containsKey("phones")).as("a field the console renders").isFalse();
    assertThat(items).hasSize(50).first().isEqualTo(phone(999));
    assertThat(items.get(49)).isEqualTo(phone(950));
    assertThat(entries)
        .extracting(e -> e.getString("phone_number"))
        .containsExactlyElementsOf(items);
    JsonObject newest = entries.get(0);
    assertThat(newest.getString("last_ts")).isEqualTo(ts(999));
    assertThat(newest.getString("last_call_sid")).isEqualTo("CAph999");
    assertThat(entries.get(1).getString("last_ts")).isEqualTo(ts(998));
  }

  @Test
  void turnsOnlyInTheLogAppearWithoutARebuildAndTheRebuildRemovesOnlyStaleEntries() {
    String tenant = "phones-legacy";
    List<Map<String, AttributeValue>> legacy = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      legacy.add(
          RawTables.turn(
              tenant, "0600000000" + (i % 3), ts(i), "old", i % 2 == 0 ? "CAl" + i : null));
    }
    RawTables.putAll(RawTables.LOGS, legacy);
    // An entry of a caller whose turns are all gone, as an earlier version could leave one.
    RawTables.putAll(
        RawTables.PHONES,
        List.of(
            Map.of(
                "client_id", RawTables.s(tenant),
                "phone_number", RawTables.s("0999999999"),
                "turns", AttributeValue.fromN("3"))));
    Api owner = Api.as(Tokens.person(tenant));
    JsonObject first = owner.get("/phones").ok();
    assertThat(strings(first, "items"))
        .containsExactly("06000000002", "06000000001", "06000000000", "0999999999");
    JsonObject newest = entries(first).get(0);
    assertThat(newest.getString("last_ts")).isEqualTo(ts(29));
    assertThat(newest.getInt("turns")).isEqualTo(10);
    assertThat(newest.containsKey("last_call_sid")).isFalse();
    assertThat(entries(first).get(1).getString("last_call_sid")).isEqualTo("CAl28");

    JsonObject rebuilt = owner.post("/phones/rebuild", "").ok();
    assertThat(rebuilt.getInt("phones")).isEqualTo(3);
    assertThat(rebuilt.getInt("removed")).isEqualTo(1);
    JsonObject after = owner.get("/phones").ok();
    assertThat(strings(after, "items"))
        .containsExactly("06000000002", "06000000001", "06000000000");
    assertThat(entries(after)).isEqualTo(entries(first).subList(0, 3));
    owner.post("/phones/rebuild", "").ok();
    assertThat(owner.get("/phones").ok()).isEqualTo(after);

    owner.post("/call", "{\"phone_number\": \"06000000000\", \"user_text\": \"new\"}").ok();
    Eventually.holds(
        SOON,
        () -> {
          JsonObject top = entries(owner.get("/phones").ok()).get(0);
          assertThat(top.getString("phone_number")).isEqualTo("06000000000");
          assertThat(top.getInt("turns")).isEqualTo(11);
        });
  }

  @Test
  void aSecondHoldingMoreTurnsThanABatchInEverySpellingIsCountedOnceWhileReadersRace()
      throws Exception {
    String tenant = "phones-spellings";
    String second = "2025-11-11T14:20:08";
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, Integer> expected = new HashMap<>();
    String[] phones = {"09011112222", "+81 90-3333-4444", "unknown"};
    for (int i = 0; i < 450; i++) {
      String phone = phones[i % 3];
      String ts =
          switch (i % 5) {
            case 0 -> second + ".%06d+00:00".formatted(i);
            case 1 -> second + ".%06dZ".formatted(i);
            case 2 -> second + ".%03d+00:00".formatted(i);
            case 3 -> second + ".%06d".formatted(i); // Python's naive isoformat()
            default ->
                i < 15
                    ? second + (i % 2 == 0 ? "Z" : "+00:00")
                    : second + ".%06d+00:00".formatted(i);
          };
      items.add(RawTables.turn(tenant, phone, ts, "u" + i, "CAs" + i));
      expected.merge(PhoneNumbers.normalize(phone), 1, Integer::sum);
    }
    for (int i = 0; i < 150; i++) {
      String phone = phones[i % 3];
      items.add(
          RawTables.turn(tenant, phone, "2025-11-11T14:20:07.%06d+00:00".formatted(i), "b", null));
      items.add(RawTables.turn(tenant, phone, "2025-11-11T14:20:09.%06dZ".formatted(i), "a", null));
      expected.merge(PhoneNumbers.normalize(phone), 2, Integer::sum);
    }
    RawTables.putAll(RawTables.LOGS, items);

    Api owner = Api.as(Tokens.person(tenant));
    ExecutorService readers = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        replies.add(readers.submit(() -> owner.get("/phones").status()));
      }
      for (Future<Integer> reply : replies) {
        assertThat(reply.get()).isEqualTo(200);
      }
    } finally {
      readers.shutdown();
    }
    Eventually.holds(
        SOON,
        () -> {
          JsonObject now = owner.get("/phones").ok();
          Map<String, Integer> counted = new HashMap<>();
          entries(now).forEach(e -> counted.put(e.getString("phone_number"), e.getInt("turns")));
          assertThat(counted).isEqualTo(expected);
          assertThat(entries(now))
              .allMatch(e -> e.getString("last_ts").startsWith("2025-11-11T14:20:09."));
        });
  }

  @Test
  void aTenantFarBehindIsCaughtUpInTheBackgroundAfterASingleRead() {
    String tenant = "phones-backfill";
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      items.add(RawTables.turn(tenant, "0700000000" + (i % 10), ts(i), "u", null));
    }
    RawTables.putAll(RawTables.LOGS, items);

    JsonObject first = Api.as(Tokens.person(tenant)).get("/phones").ok();
    long shown = entries(first).stream().mapToLong(e -> e.getInt("turns")).sum();
    assertThat(shown).as("one batch (200 in the test server) per request").isLessThan(1000);
    // No further request: the rest is applied in the background.
    Eventually.holds(
        SOON,
        () -> {
          List<Map<String, AttributeValue>> stored = RawTables.all(RawTables.PHONES, tenant);
          assertThat(stored)
              .filteredOn(item -> !item.get("phone_number").s().startsWith("#"))
              .hasSize(10)
              .allMatch(item -> item.get("turns").n().equals("100"));
        });
  }

  @Test
  void aTurnPostedBehindTheCatchUpIsCountedAndDeletedTurnsAreUncounted() {
    Api owner = Api.as(Tokens.person("phones-behind"));
    owner.post("/call", "{\"phone_number\": \"0312345678\", \"user_text\": \"now\"}").ok();
    Eventually.holds(SOON, () -> assertThat(turnsOf(owner, "0312345678")).isEqualTo(1));

    String old = "2024-05-05T05:05:05+00:00";
    owner
        .post(
            "/call",
            "{\"phone_number\": \"0312345678\", \"ts\": \"%s\", \"user_text\": \"old\"}"
                .formatted(old))
        .ok();
    assertThat(turnsOf(owner, "0312345678"))
        .as("counted at once, behind the position")
        .isEqualTo(2);
    owner.delete("/call?phone=0312345678&ts=" + old.replace("+", "%2B")).ok();
    assertThat(turnsOf(owner, "0312345678")).isEqualTo(1);
  }

  /**
   * A turn stored with an old time while a catch-up of the same tenant is under way: that catch-up
   * read the log before the turn was stored and then moves the tenant's position past it. The
   * position is set here by hand on each side of the write, as that catch-up would have it (the
   * interleaving cannot be timed through the API): the turn is counted all the same, and a later
   * catch-up that does read it does not count it again.
   */
  @Test
  void aTurnStoredLateWhileACatchUpMovesPastItIsCountedExactlyOnce() {
    Api owner = Api.as(Tokens.person("phones-late"));
    owner.post("/call", "{\"phone_number\": \"0311112222\", \"user_text\": \"now\"}").ok();
    Eventually.holds(SOON, () -> assertThat(turnsOf(owner, "0311112222")).isEqualTo(1));
    String position = position("phones-late");
    String before = "2024-01-01T00:00:00.000000Z";

    setPosition("phones-late", before); // the racing catch-up has read the log up to here
    owner
        .post(
            "/call",
            "{\"phone_number\": \"0399990000\", \"ts\": \"2024-05-05T05:05:05+00:00\", \"user_text\": \"old\"}")
        .ok();
    setPosition("phones-late", position); // ... and moves past the turn it never saw
    assertThat(turnsOf(owner, "0399990000")).as("counted though no catch-up read it").isEqualTo(1);

    setPosition("phones-late", before); // a catch-up that reads it now
    assertThat(turnsOf(owner, "0399990000")).as("not counted a second time").isEqualTo(1);
    assertThat(turnsOf(owner, "0311112222")).isEqualTo(1);
  }

  @Test
  void anotherTenantSeesNoneOfThesePhonesAndOnlyPeopleRebuild() {
    Api.as(Tokens.person("phones-a"))
        .post("/call", "{\"phone_number\": \"0311110000\", \"user_text\": \"a\"}")
        .ok();
    Eventually.holds(
        SOON,
        () ->
            assertThat(Api.as(Tokens.person("phones-a")).get("/phones").ok().getJsonArray("items"))
                .hasSize(1));
    Api b = Api.as(Tokens.person("phones-b"));
    JsonObject phones = b.get("/phones").ok();
    assertThat(phones.getJsonArray("items")).isEmpty();
    assertThat(phones.getJsonArray("directory")).isEmpty();
    b.post("/phones/rebuild", "").ok();
    assertThat(Api.as(Tokens.person("phones-a")).get("/phones").ok().getJsonArray("items"))
        .hasSize(1);

    Api voice = Api.as(Tokens.service()).header("x-client-id", "phones-a");
    assertThat(voice.get("/phones").ok().getJsonArray("items")).hasSize(1);
    voice.post("/phones/rebuild", "").problem(403);
    Api.anonymous().get("/phones").problem(401);
    Api.anonymous().post("/phones/rebuild", "").problem(401);
  }

  /** The tenant's catch-up position as stored. */
  private static String position(String tenant) {
    return RawTables.get(RawTables.PHONES, positionKey(tenant)).get("through").s();
  }

  private static void setPosition(String tenant, String through) {
    Map<String, AttributeValue> item = new HashMap<>(positionKey(tenant));
    item.put("through", RawTables.s(through));
    RawTables.putAll(RawTables.PHONES, List.of(item));
  }

  private static Map<String, AttributeValue> positionKey(String tenant) {
    return Map.of("client_id", RawTables.s(tenant), "phone_number", RawTables.s("#log"));
  }

  private static int turnsOf(Api api, String phone) {
    return entries(api.get("/phones").ok()).stream()
        .filter(e -> e.getString("phone_number").equals(phone))
        .findFirst()
        .map(e -> e.getInt("turns"))
        .orElse(0);
  }

  private static List<String> strings(JsonObject reply, String field) {
    return reply.getJsonArray(field).getValuesAs(JsonString::getString);
  }

  private static List<JsonObject> entries(JsonObject reply) {
    return reply.getJsonArray("directory").getValuesAs(JsonObject.class);
  }

  private static String body(int i) {
    return "{\"phone_number\": \"%s\", \"ts\": \"%s\", \"user_text\": \"u\", \"call_sid\": \"CAph%d\"}"
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
