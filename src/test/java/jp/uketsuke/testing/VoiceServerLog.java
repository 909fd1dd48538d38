package jp.uketsuke.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The production voice server's writes to {@code app-logs}, as the contract observed them and
 * independently of this service's code: one {@code PutItem} per utterance with {@code client_id},
 * {@code sk = <phone>#<ts>}, {@code phone_number} (normalised, or {@code unknown}), {@code ts} from
 * Python's {@code datetime.now(timezone.utc).isoformat(timespec="microseconds")}, {@code call_sid}
 * when known, and only the text it has.
 */
public final class VoiceServerLog {
  /** {@code isoformat(timespec="microseconds")} of an aware UTC datetime. */
  private static final DateTimeFormatter PYTHON_ISOFORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(ZoneOffset.UTC);

  private final String tenant;
  private final String callSid;
  private final String phone;

  public VoiceServerLog(String tenant, String phone, String callSid) {
    this.tenant = tenant;
    this.phone = phone;
    this.callSid = callSid;
  }

  public static String isoformat(Instant at) {
    return PYTHON_ISOFORMAT.format(at.truncatedTo(ChronoUnit.MICROS));
  }

  /** What the caller said, now; returns the item's {@code ts}. */
  public String caller(String text) {
    return put("user_text", text, Instant.now());
  }

  /** What the assistant said, now; returns the item's {@code ts}. */
  public String assistant(String text) {
    return put("assistant_text", text, Instant.now());
  }

  /** An utterance at a given time (histories seeded in the past). */
  public String put(String textAttribute, String text, Instant at) {
    String ts = isoformat(at);
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("client_id", AttributeValue.fromS(tenant));
    item.put("sk", AttributeValue.fromS(phone + "#" + ts));
    item.put("phone_number", AttributeValue.fromS(phone));
    item.put("ts", AttributeValue.fromS(ts));
    if (callSid != null) {
      item.put("call_sid", AttributeValue.fromS(callSid));
    }
    item.put(textAttribute, AttributeValue.fromS(text));
    RawDynamo.client().putItem(b -> b.tableName(RawDynamo.table("logs")).item(item));
    return ts;
  }
}
