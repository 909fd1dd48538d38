package jp.uketsuke.faq;

import static jp.uketsuke.faq.FaqData.body;
import static jp.uketsuke.faq.FaqData.importBytes;
import static jp.uketsuke.faq.FaqData.importCsv;
import static jp.uketsuke.faq.FaqData.path;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;

/** {@code POST /faqs/import}: CSV as spreadsheets write it, JSON arrays, upserts and dry runs. */
class FaqImportIT {

  @Test
  void csvWithBomQuotesCommasAndEmbeddedNewlinesIsReadExactly() {
    Api owner = Api.as(Tokens.person("faq-import-csv"));
    String csv =
        "\uFEFFquestion,answer\r\n"
            + "\"料金は、いくら？\",\"基本料金は3,000円です。\r\n詳しくは\"\"料金表\"\"をご覧ください。\"\r\n"
            + "plain,no quotes\r\n"
            + "\r\n"
            + "\" spaces \",\"line1\nline2\"\r\n";
    JsonObject report = importCsv(owner, csv, false).ok();
    assertThat(report.getInt("created")).isEqualTo(3);
    assertThat(report.getInt("failed")).isZero();

    assertThat(answer(owner, "料金は、いくら？")).isEqualTo("基本料金は3,000円です。\r\n詳しくは\"料金表\"をご覧ください。");
    assertThat(answer(owner, "plain")).isEqualTo("no quotes");
    assertThat(answer(owner, " spaces ")).isEqualTo("line1\nline2");
    assertThat(FaqData.questions(owner.get("/faqs").ok()))
        .doesNotContain("\uFEFFquestion", "question");
  }

  @Test
  void anImportUpsertsAndReportsCreatedUpdatedUnchangedAndFailedRows() {
    String tenant = "faq-import-upsert";
    Api owner = Api.as(Tokens.person(tenant));
    JsonObject original = owner.post("/faq", body("same", "s")).ok().getJsonObject("item");
    JsonObject changed = owner.post("/faq", body("changed", "old")).ok().getJsonObject("item");
    long version = FaqData.version(tenant);

    String csv = "question,answer\nsame,s\nchanged,new\nfresh,f\n,no question\nblank answer,\n";
    JsonObject report = importCsv(owner, csv, false).ok();
    assertThat(report.keySet())
        .containsExactlyInAnyOrder(
            "ok", "dry_run", "created", "updated", "unchanged", "failed", "errors");
    assertThat(report.getInt("created")).isEqualTo(1);
    assertThat(report.getInt("updated")).isEqualTo(1);
    assertThat(report.getInt("unchanged")).isEqualTo(1);
    assertThat(report.getInt("failed")).isEqualTo(2);
    assertThat(report.getBoolean("dry_run")).isFalse();
    List<JsonObject> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
    assertThat(errors).extracting(e -> e.getInt("row")).containsExactly(4, 5);
    assertThat(errors.get(0).getString("error")).contains("question");
    assertThat(errors.get(1).getString("error")).contains("answer");

    assertThat(owner.get(path("same")).ok().getJsonObject("item")).isEqualTo(original);
    JsonObject updated = owner.get(path("changed")).ok().getJsonObject("item");
    assertThat(updated.getString("answer")).isEqualTo("new");
    assertThat(updated.getString("created_at")).isEqualTo(changed.getString("created_at"));
    assertThat(updated.getString("updated_at")).isGreaterThan(changed.getString("updated_at"));
    assertThat(FaqData.version(tenant)).isEqualTo(version + 1);

    JsonObject again = importCsv(owner, csv, false).ok();
    assertThat(again.getInt("unchanged")).isEqualTo(3);
    assertThat(again.getInt("created") + again.getInt("updated")).isZero();
    assertThat(FaqData.version(tenant)).isEqualTo(version + 1);
  }

  @Test
  void aQuestionRepeatedInOneFileFailsOnItsLaterRowsAndIsWrittenOnce() {
    Api owner = Api.as(Tokens.person("faq-import-dup"));
    String csv = "question,answer\n重複,first\nother,o\n重複,second\n重複,third\n";
    JsonObject report = importCsv(owner, csv, false).ok();
    assertThat(report.getInt("created")).isEqualTo(2);
    assertThat(report.getInt("failed")).isEqualTo(2);
    List<JsonObject> errors = report.getJsonArray("errors").getValuesAs(JsonObject.class);
    assertThat(errors).extracting(e -> e.getInt("row")).containsExactly(3, 4);
    assertThat(errors.get(0).getString("error")).contains("row 1");
    assertThat(answer(owner, "重複")).isEqualTo("first");
  }

  @Test
  void aDryRunReportsWhatWouldHappenAndWritesNothing() {
    String tenant = "faq-import-dry";
    Api owner = Api.as(Tokens.person(tenant));
    owner.post("/faq", body("kept", "k")).ok();
    long version = FaqData.version(tenant);
    int auditRecords = owner.get("/audit").ok().getJsonArray("items").size();

    JsonObject report =
        importCsv(owner, "question,answer\nkept,changed\nnew,n\nnew,again\n", true).ok();
    assertThat(report.getBoolean("dry_run")).isTrue();
    assertThat(report.getInt("created")).isEqualTo(1);
    assertThat(report.getInt("updated")).isEqualTo(1);
    assertThat(report.getInt("failed")).isEqualTo(1);

    assertThat(FaqData.questions(owner.get("/faqs").ok())).containsExactly("kept");
    assertThat(answer(owner, "kept")).isEqualTo("k");
    assertThat(FaqData.version(tenant)).isEqualTo(version);
    assertThat(owner.get("/audit").ok().getJsonArray("items")).hasSize(auditRecords);
  }

  @Test
  void fiveThousandRowsAreImportedAndListed() {
    Api owner = Api.as(Tokens.person("faq-import-5000"));
    JsonObject report = importCsv(owner, FaqData.csvOf("row", 5000), false).ok();
    assertThat(report.getInt("created")).isEqualTo(5000);
    assertThat(report.getInt("failed")).isZero();
    assertThat(owner.get("/faqs").ok().getJsonArray("items")).hasSize(5000);
  }

  @Test
  void aJsonArrayIsImportedAndBadEntriesAreRowErrors() {
    Api owner = Api.as(Tokens.person("faq-import-json"));
    String json = "[{\"question\":\"j1\",\"answer\":\"a1\"}, 42, {\"question\":\"j2\"}]";
    JsonObject report =
        importBytes(owner, "application/json", json.getBytes(StandardCharsets.UTF_8), false).ok();
    assertThat(report.getInt("created")).isEqualTo(1);
    assertThat(report.getJsonArray("errors").getValuesAs(JsonObject.class))
        .extracting(e -> e.getInt("row"))
        .containsExactly(2, 3);
    assertThat(answer(owner, "j1")).isEqualTo("a1");
  }

  @Test
  void anImportLeavesOneAuditRecordWithItsCounts() {
    Api owner = Api.as(Tokens.person("faq-import-audit"));
    importCsv(owner, "question,answer\na,1\nb,2\n,x\n", false).ok();
    JsonObject record = owner.get("/audit").ok().getJsonArray("items").getJsonObject(0);
    assertThat(record.getString("action")).isEqualTo("faq.import");
    assertThat(record.getString("after")).contains("created=2", "failed=1");
  }

  @Test
  void filesThatCannotBeReadAreRefusedAsAWhole() {
    Api owner = Api.as(Tokens.person("faq-import-bad"));
    assertThat(importCsv(owner, "frage,antwort\na,b\n", false).problem(400).getString("error"))
        .contains("question");
    importCsv(owner, "", false).problem(400);
    importCsv(owner, "question,answer\n\"never closed,x\n", false).problem(400);
    byte[] shiftJis = "question,answer\n質問,回答\n".getBytes(Charset.forName("Shift_JIS"));
    assertThat(importBytes(owner, "text/csv", shiftJis, false).problem(400).getString("error"))
        .contains("UTF-8");
    importBytes(owner, "application/json", "{\"question\":\"q\"}".getBytes(), false).problem(400);
    importBytes(owner, "application/json", "[{".getBytes(), false).problem(400);
    importBytes(owner, "text/plain", "question,answer\n".getBytes(), false).problem(415);
    importCsv(owner, "question,answer\nq,a\n", false).ok();
    owner.get("/faqs?limit=x").problem(400);
    assertThat(FaqData.questions(owner.get("/faqs").ok())).containsExactly("q");
  }

  @Test
  void theImportTakesMoreThanTheGlobalBodyLimitButNotWithoutBound() {
    Api owner = Api.as(Tokens.person("faq-import-big"));
    StringBuilder csv = new StringBuilder("question,answer\n");
    for (int i = 0; i < 300; i++) {
      csv.append("big-").append(i).append(',').append("あ".repeat(2000)).append('\n');
    }
    assertThat(csv.toString().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(1_048_576);
    assertThat(importCsv(owner, csv.toString(), true).ok().getInt("created")).isEqualTo(300);

    byte[] tooBig = new byte[10 * 1024 * 1024 + 1];
    java.util.Arrays.fill(tooBig, (byte) 'x');
    importBytes(owner, "text/csv", tooBig, true).problem(413);
    owner.post("/faq", body("x".repeat(10), "y".repeat(1_100_000))).problem(413);
  }

  private static String answer(Api owner, String question) {
    return owner.get(path(question)).ok().getJsonObject("item").getString("answer");
  }
}
