package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Transcripts in {@code app-transcripts}: the tenant is the partition key, the recording SID the
 * sort key. {@code call_sid} and {@code phone_number} travel along so that erasing a caller finds
 * their transcripts. Segments are kept as the JSON OpenAI's segments map to, in one attribute.
 */
@ApplicationScoped
public class TranscriptStore {
  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Type SEGMENTS =
      new ArrayList<WhisperSegment>() {}.getClass().getGenericSuperclass();

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  Optional<Transcript> find(String tenantId, String recordingSid) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(b -> b.tableName(tables.transcripts()).key(key(tenantId, recordingSid)))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(transcript(item));
  }

  /**
   * Keeps a computed transcript. A refresh replaces what is stored, as it asked to. A first
   * transcript is written only if none is there yet: when two pods computed the same recording at
   * once, the first write wins and the later one answers with the stored transcript, so every
   * client sees one result. (Before this write was conditional, the last writer won silently.)
   *
   * @param replace whether a stored transcript is overwritten
   * @return the transcript now stored
   */
  Transcript save(
      String tenantId, String callSid, String phone, Transcript transcript, boolean replace) {
    Map<String, AttributeValue> item = new HashMap<>(key(tenantId, transcript.recordingSid()));
    item.put("call_sid", s(callSid));
    if (phone != null) {
      item.put("phone_number", s(phone));
    }
    item.put("text", s(transcript.text()));
    item.put("segments", s(JSON.toJson(transcript.segments(), SEGMENTS)));
    item.put("model", s(transcript.model()));
    item.put("language", s(transcript.language()));
    if (transcript.duration() != null) {
      item.put("duration", AttributeValue.fromN(String.valueOf(transcript.duration())));
    }
    item.put("created_at", s(transcript.createdAt()));
    if (replace) {
      dynamoDb.putItem(b -> b.tableName(tables.transcripts()).item(item));
      return transcript;
    }
    try {
      dynamoDb.putItem(
          b ->
              b.tableName(tables.transcripts())
                  .item(item)
                  .conditionExpression("attribute_not_exists(recording_sid)"));
      return transcript;
    } catch (ConditionalCheckFailedException e) {
      return find(tenantId, transcript.recordingSid()).orElse(transcript);
    }
  }

  private static Transcript transcript(Map<String, AttributeValue> item) {
    AttributeValue duration = item.get("duration");
    return new Transcript(
        text(item, "recording_sid"),
        text(item, "text"),
        segments(text(item, "segments")),
        text(item, "model"),
        text(item, "language"),
        duration == null || duration.n() == null ? null : Double.valueOf(duration.n()),
        text(item, "created_at"));
  }

  private static List<WhisperSegment> segments(String json) {
    return json == null ? List.of() : JSON.fromJson(json, SEGMENTS);
  }

  private static Map<String, AttributeValue> key(String tenantId, String recordingSid) {
    return Map.of("client_id", s(tenantId), "recording_sid", s(recordingSid));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value == null ? "" : value);
  }
}
