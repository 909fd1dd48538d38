package jp.uketsuke.calls;

import static jp.uketsuke.calls.CallsIT.enc;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** {@code GET /calls/export}: every turn as CSV or JSON lines, streamed, people only. */
class CallExportIT {
  private static final String TENANT = "export-10k";
  private static final int TURNS = 10_000;
  private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
  private static final String AWKWARD = "はい, \"剪定\"ですね\n改行あり";

  @BeforeAll
  static void seed10000Turns() {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int i = 0; i < TURNS; i++) {
      String ts =
          BASE.plusSeconds(i).toString().replace("Z", i % 2 == 0 ? "+00:00" : ".000042+00:00");
      items.add(
          RawTables.turn(
              TENANT, "070%08d".formatted(i % 100), ts, i == 7 ? AWKWARD : "u" + i, "CA" + i / 10));
    }
    RawTables.putAll(RawTables.LOGS, items);
  }

  @Test
  void csvHasAHeaderAndOneRowPerTurnInTimeOrderStreamedWithoutLength() throws IOException {
    Reply reply = Api.as(Tokens.person(TENANT)).get("/calls/export?format=csv");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type")).startsWith("text/csv");
    assertThat(reply.header("Content-Length")).isNull();
    List<CSVRecord> rows =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(reply.body()))
            .getRecords();
    assertThat(rows).hasSize(TURNS);
    assertThat(rows.get(0).toMap())
        .containsEntry("phone_number", "07000000000")
        .containsEntry("ts", "2025-01-01T00:00:00+00:00")
        .containsEntry("call_sid", "CA0")
        .containsEntry("user_text", "u0")
        .containsEntry("assistant_text", "");
    assertThat(rows.get(7).get("user_text")).isEqualTo(AWKWARD);
    assertThat(rows.get(TURNS - 1).get("user_text")).isEqualTo("u" + (TURNS - 1));
  }

  @Test
  void jsonLinesHaveOneObjectPerTurnAndFilterByPhoneAndRange() {
    Api owner = Api.as(Tokens.person(TENANT));
    Reply all = owner.get("/calls/export?format=jsonl");
    assertThat(all.header("Content-Type")).startsWith("application/x-ndjson");
    List<String> lines = all.body().lines().toList();
    assertThat(lines).hasSize(TURNS);
    JsonObject awkward = Json.createReader(new StringReader(lines.get(7))).readObject();
    assertThat(awkward.getString("user_text")).isEqualTo(AWKWARD);

    String range =
        "&from="
            + enc(BASE.plusSeconds(1000).toString())
            + "&to="
            + enc(BASE.plusSeconds(1999).toString());
    assertThat(owner.get("/calls/export?format=jsonl&phone=07000000005" + range).body().lines())
        .hasSize(10)
        .allMatch(line -> line.contains("\"phone_number\":\"07000000005\""));
  }

  @Test
  void anotherTenantExportsOnlyItsOwnAndOnlyPeopleExport() {
    Reply other = Api.as(Tokens.person("export-other")).get("/calls/export?format=csv");
    assertThat(other.body().lines())
        .containsExactly("phone_number,ts,call_sid,user_text,assistant_text");
    Api.as(Tokens.service()).header("x-client-id", TENANT).get("/calls/export").problem(403);
    Api.anonymous().get("/calls/export").problem(401);
    Api.as(Tokens.person(TENANT)).get("/calls/export?format=xml").problem(400);
    Api.as(Tokens.person(TENANT)).get("/calls/export?from=soon").problem(400);
  }
}
