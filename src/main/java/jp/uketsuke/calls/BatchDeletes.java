package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.BatchWrites;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes many items by key with BatchWriteItem ({@link BatchWrites}), sending back what DynamoDB
 * left unprocessed under load until it is done or clearly cannot keep up.
 */
@ApplicationScoped
public class BatchDeletes {
  private static final BatchWrites.Retries RETRIES =
      new BatchWrites.Retries(10, Duration.ofMillis(200), Duration.ofMillis(3200));

  @Inject BatchWrites batchWrites;

  /**
   * @param keys primary keys of items of the current tenant
   * @return how many keys were deleted
   */
  public int delete(String table, List<Map<String, AttributeValue>> keys) {
    List<WriteRequest> deletes =
        keys.stream()
            .map(
                key ->
                    WriteRequest.builder()
                        .deleteRequest(DeleteRequest.builder().key(key).build())
                        .build())
            .toList();
    for (List<WriteRequest> batch : BatchWrites.batches(deletes)) {
      if (!batchWrites.write(table, batch, RETRIES).isEmpty()) {
        throw new Busy();
      }
    }
    return keys.size();
  }

  /** Storage kept refusing part of the batch: the client may retry (deletes are idempotent). */
  private static final class Busy extends ApiException {
    Busy() {
      super(503, "Service Unavailable", "Storage is busy; not everything was deleted, try again.");
    }
  }
}
