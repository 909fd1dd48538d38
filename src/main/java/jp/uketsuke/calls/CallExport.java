package jp.uketsuke.calls;

import static jp.uketsuke.platform.Jsonp.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Writes a tenant's turns as CSV or JSON lines while reading them page by page, so an export of any
 * size needs the memory of one page. Rows are in time order.
 */
@ApplicationScoped
public class CallExport {
  static final String[] COLUMNS = {"phone_number", "ts", "call_sid", "user_text", "assistant_text"};
  private static final int PAGE = 1000;

  @Inject CallHistory history;

  public enum Format {
    CSV,
    JSONL
  }

  public StreamingOutput stream(String tenantId, CallQuery query, Format format) {
    return output -> {
      Writer writer =
          new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 64 * 1024);
      Iterator<Map<String, AttributeValue>> items = history.items(tenantId, query, PAGE).iterator();
      if (format == Format.CSV) {
        writeCsv(writer, items);
      } else {
        writeJsonLines(writer, items);
      }
      writer.flush();
    };
  }

  private static void writeCsv(Writer writer, Iterator<Map<String, AttributeValue>> items)
      throws IOException {
    CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(COLUMNS).get().print(writer);
    while (items.hasNext()) {
      Turn turn = LogItems.turn(items.next());
      csv.printRecord(
          turn.phoneNumber(), turn.ts(), turn.callSid(), turn.userText(), turn.assistantText());
    }
    csv.flush();
  }

  private static void writeJsonLines(Writer writer, Iterator<Map<String, AttributeValue>> items)
      throws IOException {
    while (items.hasNext()) {
      Turn turn = LogItems.turn(items.next());
      JsonObjectBuilder line = JSON.createObjectBuilder();
      add(line, "phone_number", turn.phoneNumber());
      add(line, "ts", turn.ts());
      add(line, "call_sid", turn.callSid());
      add(line, "user_text", turn.userText());
      add(line, "assistant_text", turn.assistantText());
      writer.write(line.build().toString());
      writer.write('\n');
    }
  }

  private static void add(JsonObjectBuilder line, String name, String value) {
    if (value != null) {
      line.add(name, value);
    }
  }
}
