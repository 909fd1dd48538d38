package jp.uketsuke.faq;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jp.uketsuke.platform.ApiException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The FAQ file formats: CSV with the header {@code question,answer} (RFC 4180 quoting, as
 * spreadsheets write it) and a JSON array of {@code {question, answer}}. Export writes exactly what
 * import reads.
 */
final class FaqFiles {
  static final String QUESTION = "question";
  static final String ANSWER = "answer";

  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private FaqFiles() {}

  static List<FaqRow> readCsv(byte[] body) {
    try (CSVParser parser = CSV.parse(new StringReader(text(body)))) {
      var records = parser.iterator();
      if (!records.hasNext()) {
        throw ApiException.badRequest("The CSV is empty; its first line must be question,answer.");
      }
      CSVRecord header = records.next();
      int q = column(header, QUESTION);
      int a = column(header, ANSWER);
      List<FaqRow> rows = new ArrayList<>();
      while (records.hasNext()) {
        rows.add(row(records.next(), rows.size() + 1, q, a));
      }
      return rows;
    } catch (UncheckedIOException | IllegalStateException | IOException e) {
      throw ApiException.badRequest(
          "The CSV is malformed (a quote that is never closed?); nothing was imported.");
    }
  }

  static List<FaqRow> readJson(byte[] body) {
    JsonValue value;
    try (JsonReader reader = JSON.createReader(new StringReader(text(body)))) {
      value = reader.readValue();
    } catch (JsonException e) {
      throw ApiException.badRequest("The body is not valid JSON.");
    }
    if (!(value instanceof JsonArray array)) {
      throw ApiException.badRequest("The body must be a JSON array of {question, answer} objects.");
    }
    List<FaqRow> rows = new ArrayList<>();
    for (JsonValue element : array) {
      int row = rows.size() + 1;
      rows.add(
          element instanceof JsonObject
              ? FaqRow.of(row, FaqRules.text(element, QUESTION), FaqRules.text(element, ANSWER))
              : FaqRow.unreadable(row, "each entry must be an object {question, answer}."));
    }
    return rows;
  }

  static void writeCsv(List<FaqItem> items, Writer out) throws IOException {
    CSVPrinter printer = new CSVPrinter(out, CSV);
    printer.printRecord(QUESTION, ANSWER);
    for (FaqItem item : items) {
      printer.printRecord(item.question(), item.answer());
    }
    printer.flush();
  }

  private static FaqRow row(CSVRecord record, int row, int q, int a) {
    if (record.size() <= Math.max(q, a)) {
      return FaqRow.unreadable(row, "the row has fewer columns than the header.");
    }
    return FaqRow.of(row, record.get(q), record.get(a));
  }

  private static int column(CSVRecord header, String name) {
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
        return i;
      }
    }
    throw ApiException.badRequest("The CSV header must name the columns question and answer.");
  }

  /** UTF-8 only, refused loudly rather than garbled; a leading byte order mark is dropped. */
  private static String text(byte[] body) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw ApiException.badRequest(
          "The body must be UTF-8 (in Excel save as \"CSV UTF-8\"); nothing was imported.");
    }
  }
}
