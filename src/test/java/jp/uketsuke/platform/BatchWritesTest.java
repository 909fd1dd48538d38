package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The one BatchWriteItem retry: what DynamoDB leaves unprocessed goes again, a bounded number. */
class BatchWritesTest {
  private static final BatchWrites.Retries RETRIES =
      new BatchWrites.Retries(4, Duration.ofMillis(1), Duration.ofMillis(2));

  /** Processes {@code perCall} requests of each call and leaves the rest unprocessed. */
  private static final class SlowTable implements DynamoDbClient {
    final int perCall;
    final List<Integer> sent = new ArrayList<>();

    SlowTable(int perCall) {
      this.perCall = perCall;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
      List<WriteRequest> batch = request.requestItems().get("t");
      sent.add(batch.size());
      List<WriteRequest> left = batch.subList(Math.min(perCall, batch.size()), batch.size());
      return BatchWriteItemResponse.builder()
          .unprocessedItems(left.isEmpty() ? Map.of() : Map.of("t", left))
          .build();
    }

    @Override
    public String serviceName() {
      return "dynamodb";
    }

    @Override
    public void close() {}
  }

  private static BatchWrites writes(DynamoDbClient client) {
    BatchWrites writes = new BatchWrites();
    writes.dynamoDb = client;
    return writes;
  }

  private static List<WriteRequest> deletes(int n) {
    return IntStream.range(0, n)
        .mapToObj(
            i ->
                WriteRequest.builder()
                    .deleteRequest(
                        DeleteRequest.builder()
                            .key(Map.of("id", AttributeValue.fromS("k" + i)))
                            .build())
                    .build())
        .toList();
  }

  @Test
  void unprocessedRequestsAreSentAgainUntilEverythingIsWritten() {
    SlowTable table = new SlowTable(10);
    assertThat(writes(table).write("t", deletes(25), RETRIES)).isEmpty();
    assertThat(table.sent).containsExactly(25, 15, 5);
  }

  @Test
  void whatIsStillUnprocessedAfterTheLastAttemptIsReturned() {
    SlowTable table = new SlowTable(5);
    List<WriteRequest> left = writes(table).write("t", deletes(25), RETRIES);
    assertThat(table.sent).containsExactly(25, 20, 15, 10);
    assertThat(left).hasSize(5).isEqualTo(deletes(25).subList(20, 25));
  }

  @Test
  void requestsGoOutInBatchesOfTwentyFive() {
    assertThat(BatchWrites.batches(deletes(51))).extracting(List::size).containsExactly(25, 25, 1);
    assertThat(BatchWrites.batches(List.of())).isEmpty();
  }
}
