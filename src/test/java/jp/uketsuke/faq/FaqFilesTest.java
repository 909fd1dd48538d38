package jp.uketsuke.faq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.uketsuke.platform.ApiException;
import org.junit.jupiter.api.Test;

/** The FAQ file formats without a server: what the export writes, the import reads back. */
class FaqFilesTest {

  @Test
  void whatTheCsvExportWritesTheCsvImportReadsBackExactly() throws IOException {
    List<FaqItem> items =
        List.of(
            new FaqItem("料金は、いくら？", "3,000円\r\n\"税込\"", null, null),
            new FaqItem(" a/b?c#d%e+f ", "line1\nline2\n", null, null),
            new FaqItem("\"", ",", null, null));
    StringWriter out = new StringWriter();
    FaqFiles.writeCsv(items, out);

    List<FaqRow> rows = FaqFiles.readCsv(out.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(rows)
        .extracting(FaqRow::question, FaqRow::answer)
        .containsExactly(
            tuple("料金は、いくら？", "3,000円\r\n\"税込\""),
            tuple(" a/b?c#d%e+f ", "line1\nline2\n"),
            tuple("\"", ","));
    assertThat(rows).extracting(FaqRow::row).containsExactly(1, 2, 3);
  }

  @Test
  void aByteOrderMarkAndReorderedOrExtraColumnsAreUnderstood() {
    byte[] csv =
        "\uFEFFanswer, Question ,note\r\nA,Q,x\r\nshort\r\n".getBytes(StandardCharsets.UTF_8);
    List<FaqRow> rows = FaqFiles.readCsv(csv);
    assertThat(rows.get(0)).isEqualTo(FaqRow.of(1, "Q", "A"));
    assertThat(rows.get(1).problem()).contains("columns");
  }

  @Test
  void keysAreBoundedInBytesAsWellAsInCharacters() {
    assertThat(FaqRules.questionProblem("あ".repeat(341))).isEmpty();
    assertThat(FaqRules.questionProblem("あ".repeat(342))).get().asString().contains("bytes");
    assertThat(FaqRules.questionProblem("x".repeat(500))).isEmpty();
    assertThat(FaqRules.questionProblem("x".repeat(501))).isPresent();
    assertThat(FaqRules.answerProblem(" \n ")).isPresent();
  }

  @Test
  void aBodyThatIsNotUtf8IsRefused() {
    byte[] latin1 = "question,answer\ncafé,x\n".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> FaqFiles.readCsv(latin1))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("UTF-8");
  }
}
