package jp.uketsuke.faq;

import static jp.uketsuke.faq.FaqData.body;
import static jp.uketsuke.faq.FaqData.importBytes;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.uketsuke.testing.Api;
import jp.uketsuke.testing.Reply;
import jp.uketsuke.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /faqs/export}: the whole FAQ as CSV or JSON, which the import takes back as is. */
class FaqExportIT {
  private static final List<String[]> NASTY =
      List.of(
          new String[] {"料金は、いくら？", "基本料金は3,000円です。\r\n\"料金表\"をご覧ください。"},
          new String[] {"a/b?c#d%e+f", "line1\nline2\n"},
          new String[] {" leading space", "trailing space "},
          new String[] {"=SUM(A1)", "'quoted' and \"double\""},
          new String[] {"tab\there", "emoji 🎉 and \\ backslash"},
          new String[] {"\"", ","});

  @ParameterizedTest
  @ValueSource(strings = {"csv", "json"})
  void anExportImportsBackUnchangedIntoAnotherTenant(String format) {
    Api source = Api.as(Tokens.person("faq-export-src-" + format));
    NASTY.forEach(row -> source.post("/faq", body(row[0], row[1])).ok());

    Reply export = source.get("/faqs/export?format=" + format);
    assertThat(export.status()).isEqualTo(200);
    String type = format.equals("csv") ? "text/csv" : "application/json";
    assertThat(export.header("Content-Type"))
        .startsWith(type)
        .containsIgnoringCase("charset=UTF-8");
    assertThat(export.header("Content-Disposition")).contains("faq." + format);

    Api target = Api.as(Tokens.person("faq-export-dst-" + format));
    byte[] file = export.body().getBytes(StandardCharsets.UTF_8);
    JsonObject report = importBytes(target, type, file, false).ok();
    assertThat(report.getInt("created")).isEqualTo(NASTY.size());
    assertThat(report.getInt("failed")).isZero();
    assertThat(pairs(target)).isEqualTo(pairs(source));
    assertThat(target.get("/faqs/export?format=" + format).body()).isEqualTo(export.body());

    JsonObject again = importBytes(source, type, file, false).ok();
    assertThat(again.getInt("unchanged")).isEqualTo(NASTY.size());
  }

  @Test
  void csvIsTheDefaultWithTheHeaderFirstAndAnUnknownFormatIsABadRequest() {
    Api owner = Api.as(Tokens.person("faq-export-default"));
    owner.post("/faq", body("q", "a")).ok();
    Reply export = owner.get("/faqs/export");
    assertThat(export.header("Content-Type")).startsWith("text/csv");
    assertThat(export.body()).isEqualTo("question,answer\r\nq,a\r\n");
    owner.get("/faqs/export?format=xml").problem(400);
    assertThat(Api.as(Tokens.person("faq-export-empty")).get("/faqs/export?format=json").body())
        .isEqualTo("[]");
  }

  private static List<String> pairs(Api api) {
    return api.get("/faqs").ok().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(i -> i.getString("question") + "\u0000" + i.getString("answer"))
        .toList();
  }
}
