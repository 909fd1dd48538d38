package jp.uketsuke.faq;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Tallies;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * How often each FAQ was used to answer, as {@code use_count} on the FAQ item itself. Counting is a
 * statistic, not part of a turn: uses are summed in memory per FAQ and written in the background
 * every flush interval (one {@code ADD} per FAQ used since the last flush, however many turns used
 * it) and when the application stops. Counts that cannot be written are logged and dropped rather
 * than slowing or failing a call; a pod killed without shutdown loses at most its last interval of
 * counts.
 */
@ApplicationScoped
public class FaqUsage {
  private static final Logger LOG = Logger.getLogger(FaqUsage.class.getName());

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject FaqStore store;

  @Resource(lookup = "concurrent/background")
  ManagedScheduledExecutorService background;

  /** How many distinct FAQs may wait for a flush; uses of further ones are dropped and logged. */
  @Inject
  @ConfigProperty(name = "uketsuke.faq.usage-queue", defaultValue = "10000")
  int queueSize;

  @Inject
  @ConfigProperty(name = "uketsuke.metering.flush-interval", defaultValue = "PT5S")
  Duration flushInterval;

  private record Use(String tenantId, String question) {}

  private Tallies<Use> waiting;
  private ScheduledFuture<?> timer;

  /** A FAQ question and how often it was used. */
  public record Count(String question, long useCount) {}

  @PostConstruct
  void start() {
    waiting = new Tallies<>(queueSize);
    long every = Math.max(100, flushInterval.toMillis());
    timer = background.scheduleWithFixedDelay(this::flush, every, every, TimeUnit.MILLISECONDS);
  }

  /** The application stops: no more timed flushes, and what waits goes out now. */
  @PreDestroy
  void stop() {
    timer.cancel(false);
    flush();
  }

  /** Adds one use to each named FAQ of the tenant, later; unknown questions are ignored. */
  public void record(String tenantId, List<String> questions) {
    for (String question : new LinkedHashSet<>(questions)) {
      if (!waiting.add(new Use(tenantId, question), 1)) {
        LOG.warning("FAQ use counts dropped: too many FAQs wait for the next flush");
        return;
      }
    }
  }

  /** Writes the waiting counts; one flush at a time. */
  synchronized void flush() {
    for (Tallies.Sum<Use> sum : waiting.drain()) {
      increment(sum.key().tenantId(), sum.key().question(), sum.values()[0]);
    }
  }

  /**
   * Every FAQ question of the tenant with its count, most used first, then by question; this pod's
   * waiting counts are written first.
   */
  public List<Count> counts(String tenantId) {
    flush();
    return store.stored(tenantId).stream()
        .map(item -> new Count(item.get("question").s(), useCount(item)))
        .sorted(Comparator.comparingLong(Count::useCount).reversed().thenComparing(Count::question))
        .toList();
  }

  /** Never creates an item: a FAQ deleted since it was retrieved stays deleted. */
  private void increment(String tenantId, String question, long uses) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tables.faq())
                  .key(FaqStore.key(tenantId, question))
                  .updateExpression("ADD use_count :n")
                  .conditionExpression("attribute_exists(question)")
                  .expressionAttributeValues(
                      Map.of(":n", AttributeValue.fromN(Long.toString(uses)))));
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
