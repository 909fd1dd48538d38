package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem for one table: batches of 25 (DynamoDB's limit), and what DynamoDB leaves
 * unprocessed under load sent back after a growing pause, a bounded number of times. What is left
 * after that is the caller's to judge: a retryable failure, or items reported as not written.
 */
@ApplicationScoped
public class BatchWrites {
  /** Most requests one BatchWriteItem call may carry. */
  public static final int BATCH = 25;

  /**
   * How often a batch is sent at most, and the pauses between: {@code firstPause} before the first
   * resend, doubling up to {@code maxPause}.
   */
  public record Retries(int attempts, Duration firstPause, Duration maxPause) {}

  @Inject DynamoDbClient dynamoDb;

  /** The requests in batches of {@link #BATCH}, in order. */
  public static List<List<WriteRequest>> batches(List<WriteRequest> requests) {
    List<List<WriteRequest>> batches = new ArrayList<>();
    for (int from = 0; from < requests.size(); from += BATCH) {
      batches.add(List.copyOf(requests.subList(from, Math.min(from + BATCH, requests.size()))));
    }
    return batches;
  }

  /**
   * Sends one batch until DynamoDB has processed all of it or the attempts are spent; an
   * interrupted pause ends the attempts early.
   *
   * @return the requests still unprocessed, empty when everything was written
   */
  public List<WriteRequest> write(String table, List<WriteRequest> batch, Retries retries) {
    List<WriteRequest> pending = batch;
    Duration pause = retries.firstPause();
    for (int attempt = 1; attempt <= retries.attempts() && !pending.isEmpty(); attempt++) {
      if (attempt > 1) {
        if (!pause(pause)) {
          break;
        }
        pause = min(pause.multipliedBy(2), retries.maxPause());
      }
      Map<String, List<WriteRequest>> request = Map.of(table, pending);
      pending =
          dynamoDb
              .batchWriteItem(b -> b.requestItems(request))
              .unprocessedItems()
              .getOrDefault(table, List.of());
    }
    return pending;
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /**
   * @return false when interrupted (the flag is set again)
   */
  private static boolean pause(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
