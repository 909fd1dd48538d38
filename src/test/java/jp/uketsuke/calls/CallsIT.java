package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /calls}: paging with an opaque cursor, time order across precisions, the tenant. */
class CallsIT {
  private static final String TENANT = "calls-paged";
  private static final int TURNS = 2500;
  private static final Instant BASE = Instant.parse("2025-10-01T00:00:00Z");
  private static final List<String> STAMPS = new ArrayList<>();

  @BeforeAll
  static void seed2500TurnsOfFivePhonesInBothPrecisions() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < TURNS; i++) {
      String ts = stamp(i);
      STAMPS.add(ts);
      items.add(RawTables.turn(TENANT, phone(i), ts, "turn " + i, "CA-paged-" + (i / 10)));
    }
    RawTables.putAll(RawTables.LOGS, items);
  }

  @Test
  void pagingThroughAllTurnsVisitsEachOnceNewestFirstByDefault() {
    List<JsonObject> all = pageAll("", 200);
    assertThat(all).hasSize(TURNS);
    assertThat(times(all)).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(all.stream().map(t -> t.getString("ts")).distinct()).hasSize(TURNS);
  }

  @Test
  void pagingInAscendingOrderVisitsEachOnceOldestFirst() {
    List<JsonObject> all = pageAll("order=asc", 1000);
    assertThat(all).hasSize(TURNS);
    assertThat(times(all)).isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(all.get(0).getString("ts")).isEqualTo(STAMPS.get(0));
  }

  @Test
  void pagingWithinATimeRangeReturnsExactlyTheTurnsInsideItInBothOrders() {
    Instant from = BASE.plusSeconds(500);
    Instant to = BASE.plusSeconds(1499);
    long expected = STAMPS.stream().map(CallsIT::time).filter(inside(from, to)).count();
    String range =
        "from="
            + enc(from.toString())
            + "&to="
            + enc(to.atOffset(ZoneOffset.ofHours(9)).toString());

    List<JsonObject> desc = pageAll(range + "&order=desc", 150);
    List<JsonObject> asc = pageAll(range + "&order=asc", 150);
    assertThat(desc).hasSize((int) expected);
    assertThat(asc).hasSize((int) expected);
    assertThat(times(asc))
        .allMatch(inside(from, to))
        .isSortedAccordingTo(Comparator.naturalOrder());
    assertThat(times(desc)).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void pagingThroughOnePhoneReturnsOnlyItsTurnsWithAndWithoutRange() {
    List<JsonObject> phoneTurns = pageAll("phone=" + enc("090-0000-0003") + "&order=asc", 70);
    assertThat(phoneTurns).hasSize(TURNS / 5);
    assertThat(phoneTurns).allMatch(t -> t.getString("phone_number").equals("09000000003"));
    assertThat(times(phoneTurns)).isSortedAccordingTo(Comparator.naturalOrder());

    Instant from = BASE.plusSeconds(1000);
    Instant to = BASE.plusSeconds(2000);
    List<JsonObject> ranged =
        pageAll("phone=09000000003&from=" + enc(from.toString()) + "&to=" + enc(to.toString()), 33);
    long expected =
        java.util.stream.IntStream.range(0, TURNS)
            .filter(i -> phone(i).equals("09000000003"))
            .mapToObj(i -> time(STAMPS.get(i)))
            .filter(inside(from, to))
            .count();
    assertThat(ranged).hasSize((int) expected);
    assertThat(times(ranged)).isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void secondsAndMicrosecondsSortAndRangeFilterByTimeNotByText() {
    String tenant = "calls-mixed";
    List<String> inTimeOrder =
        List.of(
            "2025-10-01T12:34:55.999999+00:00",
            "2025-10-01T12:34:56+00:00",
            "2025-10-01T12:34:56.000000+00:00",
            "2025-10-01T12:34:56.000001+00:00",
            "2025-10-01T12:34:56.5+00:00",
            "2025-10-01T12:34:57+00:00",
            "2025-11-11T14:20:08.123456+00:00");
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = inTimeOrder.size() - 1; i >= 0; i--) {
      items.add(
          RawTables.turn(
              tenant, i % 2 == 0 ? "unknown" : "0312345678", inTimeOrder.get(i), "t" + i, null));
    }
    RawTables.putAll(RawTables.LOGS, items);
    Api owner = Api.as(Tokens.person(tenant));

    assertThat(stamps(owner.get("/calls?order=asc").ok())).containsExactlyElementsOf(inTimeOrder);
    assertThat(stamps(owner.get("/calls").ok()))
        .containsExactlyElementsOf(newestFirst(inTimeOrder));
    String from = enc("2025-10-01T21:34:56+09:00");
    String to = enc("2025-10-01T12:34:56.000001Z");
    assertThat(stamps(owner.get("/calls?order=asc&from=" + from + "&to=" + to).ok()))
        .containsExactlyElementsOf(inTimeOrder.subList(1, 4));
    assertThat(
            stamps(
                owner.get("/calls?from=2025-10-01T12:34:56.000001Z&to=2025-10-01T12:34:57Z").ok()))
        .containsExactly(inTimeOrder.get(5), inTimeOrder.get(4), inTimeOrder.get(3));
    assertThat(
            stamps(owner.get("/calls?order=asc&phone=unknown&from=2025-10-01&to=2025-10-02").ok()))
        .containsExactly(inTimeOrder.get(0), inTimeOrder.get(2), inTimeOrder.get(4));
    assertThat(stamps(owner.get("/calls?from=2025-11-11T14:20:08.123456Z").ok()))
        .containsExactly(inTimeOrder.get(6));
  }

  @Test
  void aTamperedOrForeignOrMismatchedCursorIsRefusedWith400() {
    Api owner = Api.as(Tokens.person(TENANT));
    String token = owner.get("/calls?limit=5&phone=09000000001").ok().getString("next_token");
    assertThat(token).isNotBlank();
    owner.get("/calls?limit=5&phone=09000000001&next_token=" + enc(token)).ok();

    String tampered =
        token.substring(0, 10) + (token.charAt(10) == 'A' ? 'B' : 'A') + token.substring(11);
    owner.get("/calls?limit=5&phone=09000000001&next_token=" + enc(tampered)).problem(400);
    owner.get("/calls?next_token=not-a-token").problem(400);
    owner.get("/calls?limit=5&phone=09000000002&next_token=" + enc(token)).problem(400);
    owner.get("/calls?limit=5&phone=09000000001&order=asc&next_token=" + enc(token)).problem(400);
    owner.get("/calls?limit=5&next_token=" + enc(token)).problem(400);
    Api.as(Tokens.person("calls-paged-other"))
        .get("/calls?limit=5&phone=09000000001&next_token=" + enc(token))
        .problem(400);
  }

  @Test
  void theLastPageHasANullToken() {
    JsonObject page = Api.as(Tokens.person(TENANT)).get("/calls?phone=09000000004&limit=1000").ok();
    assertThat(page.getJsonArray("items")).hasSize(TURNS / 5);
    assertThat(page.containsKey("next_token")).isTrue();
    assertThat(page.isNull("next_token")).isTrue();
  }

  @Test
  void badParametersAreRefusedWith400NamingThem() {
    Api owner = Api.as(Tokens.person(TENANT));
    assertThat(owner.get("/calls?limit=0").problem(400).getString("error")).contains("limit");
    owner.get("/calls?limit=1001").problem(400);
    owner.get("/calls?limit=abc").problem(400);
    assertThat(owner.get("/calls?order=sideways").problem(400).getString("error"))
        .contains("order");
    assertThat(owner.get("/calls?from=yesterday").problem(400).getString("error")).contains("from");
    owner.get("/calls?from=2025-10-02&to=2025-10-01").problem(400);
    assertThat(owner.get("/calls").ok().getJsonArray("items")).hasSize(50);
    assertThat(owner.get("/calls?limit=1000").ok().getJsonArray("items")).hasSize(1000);
  }

  @Test
  void anotherTenantSeesNoneOfTheseTurnsAndTokensAreRequired() {
    Api other = Api.as(Tokens.person("calls-paged-b"));
    assertThat(other.get("/calls").ok().getJsonArray("items")).isEmpty();
    assertThat(other.get("/calls?phone=09000000001").ok().getJsonArray("items")).isEmpty();
    Api.as(Tokens.service()).header("x-client-id", "calls-paged-b").get("/calls").ok();
    assertThat(
            Api.as(Tokens.service())
                .header("x-client-id", TENANT)
                .get("/calls?limit=3")
                .ok()
                .getJsonArray("items"))
        .hasSize(3);
    Api.anonymous().get("/calls").problem(401);
    Api.as(Tokens.signWithUnknownKey(Tokens.idToken(TENANT))).get("/calls").problem(401);
  }

  private static List<JsonObject> pageAll(String query, int limit) {
    Api owner = Api.as(Tokens.person(TENANT));
    List<JsonObject> all = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String path = "/calls?limit=" + limit + (query.isEmpty() ? "" : "&" + query);
      JsonObject page = owner.get(token == null ? path : path + "&next_token=" + enc(token)).ok();
      List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
      assertThat(items.size()).isLessThanOrEqualTo(limit);
      all.addAll(items);
      token = page.isNull("next_token") ? null : page.getString("next_token");
      assertThat(++pages).isLessThan(TURNS);
    } while (token != null);
    return all;
  }

  /** Even turns in the old backend's seconds, odd ones in the voice server's microseconds. */
  private static String stamp(int i) {
    OffsetDateTime time = BASE.plusSeconds(i).atOffset(ZoneOffset.UTC);
    if (i % 2 == 0) {
      return time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx"));
    }
    return time.plusNanos((i * 37L % 1_000_000) * 1000)
        .format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx"));
  }

  private static String phone(int i) {
    return "0900000000" + (i % 5);
  }

  private static List<Instant> times(List<JsonObject> turns) {
    return turns.stream().map(t -> time(t.getString("ts"))).toList();
  }

  private static List<String> newestFirst(List<String> stamps) {
    List<String> copy = new ArrayList<>(stamps);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static List<String> stamps(JsonObject page) {
    return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(t -> t.getString("ts"))
        .toList();
  }

  static Instant time(String ts) {
    return OffsetDateTime.parse(ts).toInstant();
  }

  private static Predicate<Instant> inside(Instant from, Instant to) {
    return t -> !t.isBefore(from) && !t.isAfter(to);
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
