package jp.uketsuke.faq;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jp.uketsuke.platform.BatchWrites;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes many FAQ items with BatchWriteItem ({@link BatchWrites}: 25 per call, what DynamoDB leaves
 * unprocessed under load retried a bounded number of times). Used by the import, whose rows are
 * upserts decided against a fresh read of the stored items, so the writes themselves need no
 * condition. Batches go out a few at a time on Liberty's managed executor {@code
 * concurrent/faq-import}, because the round trips of one thread, not DynamoDB, are what makes a
 * 5,000-row import slow; they touch only the table, so they need no request context.
 */
@ApplicationScoped
public class FaqBatchWriter {
  private static final BatchWrites.Retries RETRIES =
      new BatchWrites.Retries(6, Duration.ofMillis(50), Duration.ofMillis(800));

  @Inject BatchWrites batchWrites;
  @Inject Tables tables;

  /** At most {@code uketsuke.faq.import-parallelism} of its tasks run at once (server.xml). */
  @Resource(lookup = "concurrent/faq-import")
  ManagedExecutorService executor;

  /** Writes the items; returns the questions that could not be written. */
  public Set<String> putAll(List<Map<String, AttributeValue>> items) {
    List<WriteRequest> puts =
        items.stream()
            .map(
                item ->
                    WriteRequest.builder()
                        .putRequest(PutRequest.builder().item(item).build())
                        .build())
            .toList();
    List<CompletableFuture<List<WriteRequest>>> batches = new ArrayList<>();
    for (List<WriteRequest> batch : BatchWrites.batches(puts)) {
      batches.add(
          CompletableFuture.supplyAsync(
              () -> batchWrites.write(tables.faq(), batch, RETRIES), executor));
    }
    Set<String> failed = new HashSet<>();
    for (var batch : batches) {
      for (WriteRequest left : joined(batch)) {
        failed.add(left.putRequest().item().get("question").s());
      }
    }
    return failed;
  }

  /** The batch's result, or the failure it ended with (an unreachable store becomes a 503). */
  private static List<WriteRequest> joined(CompletableFuture<List<WriteRequest>> batch) {
    try {
      return batch.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }
}
