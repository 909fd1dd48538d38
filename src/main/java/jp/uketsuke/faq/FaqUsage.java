package jp.uketsuke.faq;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.platform.Tables;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * How often each FAQ was used to answer, as {@code use_count} on the FAQ item itself. Counting is a
 * statistic, not part of a turn: it runs on a background thread with a bounded queue, and a count
 * that cannot be written is logged and dropped rather than slowing or failing a call.
 */
@ApplicationScoped
public class FaqUsage {
  private static final Logger LOG = Logger.getLogger(FaqUsage.class.getName());

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject FaqStore store;

  @Inject
  @ConfigProperty(name = "uketsuke.faq.usage-queue", defaultValue = "10000")
  int queueSize;

  private ThreadPoolExecutor executor;

  /** A FAQ question and how often it was used. */
  public record Count(String question, long useCount) {}

  @PostConstruct
  void start() {
    executor =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(Math.max(1, queueSize)),
            task -> {
              Thread thread = new Thread(task, "faq-usage-counter");
              thread.setDaemon(true);
              return thread;
            });
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
  }

  /** Adds one use to each named FAQ of the tenant, later; unknown questions are ignored. */
  public void record(String tenantId, List<String> questions) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(questions));
    if (distinct.isEmpty()) {
      return;
    }
    try {
      executor.execute(() -> distinct.forEach(question -> increment(tenantId, question)));
    } catch (RejectedExecutionException e) {
      LOG.warning("FAQ use counts dropped: the counting queue is full");
    }
  }

  /** Every FAQ question of the tenant with its count, most used first, then by question. */
  public List<Count> counts(String tenantId) {
    return store.stored(tenantId).stream()
        .map(item -> new Count(item.get("question").s(), useCount(item)))
        .sorted(Comparator.comparingLong(Count::useCount).reversed().thenComparing(Count::question))
        .toList();
  }

  /** Never creates an item: a FAQ deleted since it was retrieved stays deleted. */
  void increment(String tenantId, String question) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tables.faq())
                  .key(FaqStore.key(tenantId, question))
                  .updateExpression("ADD use_count :n")
                  .conditionExpression("attribute_exists(question)")
                  .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1"))));
    } catch (ConditionalCheckFailedException e) {
      LOG.fine("FAQ use not counted: the FAQ no longer exists");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "FAQ use not counted", e);
    }
  }

  private static long useCount(Map<String, AttributeValue> item) {
    AttributeValue count = item.get("use_count");
    return count == null || count.n() == null ? 0 : Long.parseLong(count.n());
  }
}
