package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.uketsuke.platform.ApiException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Deletes many items by key with BatchWriteItem, 25 at a time (DynamoDB's limit), sending back what
 * DynamoDB left unprocessed under load until it is done or clearly cannot keep up.
 */
@ApplicationScoped
public class BatchDeletes {
  static final int BATCH = 25;
  private static final int MAX_ROUNDS = 10;
  private static final long BACKOFF_MILLIS = 50;

  @Inject DynamoDbClient dynamoDb;

  /**
   * @param keys primary keys of items of the current tenant
   * @return how many keys were deleted
   */
  public int delete(String table, List<Map<String, AttributeValue>> keys) {
    for (int from = 0; from < keys.size(); from += BATCH) {
      List<WriteRequest> batch = new ArrayList<>();
      for (Map<String, AttributeValue> key :
          keys.subList(from, Math.min(keys.size(), from + BATCH))) {
        batch.add(
            WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
      }
      write(table, batch);
    }
    return keys.size();
  }

  private void write(String table, List<WriteRequest> batch) {
    Map<String, List<WriteRequest>> pending = Map.of(table, batch);
    for (int round = 1; !pending.isEmpty(); round++) {
      if (round > MAX_ROUNDS) {
        throw new Busy();
      }
      if (round > 1) {
        pause(BACKOFF_MILLIS << Math.min(round, 6));
      }
      Map<String, List<WriteRequest>> request = pending;
      pending = dynamoDb.batchWriteItem(b -> b.requestItems(request)).unprocessedItems();
      if (pending == null) {
        pending = Map.of();
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Busy();
    }
  }

  /** Storage kept refusing part of the batch: the client may retry (deletes are idempotent). */
  private static final class Busy extends ApiException {
    Busy() {
      super(503, "Service Unavailable", "Storage is busy; not everything was deleted, try again.");
    }
  }
}
