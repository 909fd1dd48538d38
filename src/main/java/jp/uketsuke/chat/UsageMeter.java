package jp.uketsuke.chat;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jp.uketsuke.calls.ModelUsage;
import jp.uketsuke.faq.FaqEmbeddingsUsed;
import jp.uketsuke.platform.Tables;
import jp.uketsuke.platform.Tallies;
import jp.uketsuke.platform.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Daily usage per tenant in {@code app-usage}: one item per day ({@code sk = day#2025-11-26}).
 *
 * <p>A turn only adds to counters in memory; every flush interval (and when the application stops)
 * each tenant-day's sums go out as one atomic {@code ADD}, so metering costs a turn no store call
 * and concurrent pods never lose each other's counts. Each write carries this pod's flush number
 * and is conditional on the item not having seen it ({@code flushed_<pod>}): a write retried after
 * a timeout that did land is not counted twice. What a pod killed without shutdown loses is at most
 * its last flush interval of metering (and flushes the store refused until then) — never a turn,
 * which is stored before it is answered.
 */
@ApplicationScoped
public class UsageMeter implements ModelUsage {
  private static final Logger LOG = Logger.getLogger(UsageMeter.class.getName());
  static final String DAY_PREFIX = "day#";

  /** Tenant-days that may wait for a flush; beyond them counts are dropped and logged. */
  private static final int MAX_WAITING = 100_000;

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;

  @Resource(lookup = "concurrent/background")
  ManagedScheduledExecutorService background;

  @Inject
  @ConfigProperty(name = "uketsuke.metering.flush-interval", defaultValue = "PT5S")
  Duration flushInterval;

  private record Day(String tenantId, String day) {}

  /** A flush that failed, retried under its own number before newer counts of its day go out. */
  private record Write(long number, long[] sums) {}

  private final Tallies<Day> waiting = new Tallies<>(MAX_WAITING);
  private final Map<Day, Write> retrying = new HashMap<>();
  private final String pod = UUID.randomUUID().toString().substring(0, 8);
  private long flushes;
  private ScheduledFuture<?> timer;

  @PostConstruct
  void start() {
    long every = Math.max(100, flushInterval.toMillis());
    timer =
        background.scheduleWithFixedDelay(this::flushQuietly, every, every, TimeUnit.MILLISECONDS);
  }

  /** The application stops: no more timed flushes, and what waits goes out now. */
  @PreDestroy
  void stop() {
    timer.cancel(false);
    flushQuietly();
  }

  /** Counts one turn and its tokens on the UTC day of {@code ts}; written at the next flush. */
  public void count(String tenantId, String ts, int tokensIn, int tokensOut) {
    if (!waiting.add(new Day(tenantId, ts.substring(0, 10)), 1, tokensIn, tokensOut, 0)) {
      LOG.warning("usage of a turn not counted: too many tenant-days wait for a flush");
    }
  }

  /** Tokens of a model call that is not a turn (a call summary): the day's tokens, no turn. */
  @Override
  public void tokens(String tenantId, String ts, int tokensIn, int tokensOut) {
    if (!waiting.add(new Day(tenantId, ts.substring(0, 10)), 0, tokensIn, tokensOut, 0)) {
      LOG.warning("model tokens not counted: too many tenant-days wait for a flush");
    }
  }

  /** Counts the tokens of an embeddings call for the tenant, today (UTC). */
  void countEmbeddings(@Observes FaqEmbeddingsUsed used) {
    if (used.tokens() > 0
        && !waiting.add(
            new Day(used.tenantId(), Timestamps.now().substring(0, 10)), 0, 0, 0, used.tokens())) {
      LOG.warning("embedding tokens not counted: too many tenant-days wait for a flush");
    }
  }

  /**
   * The tenant's days from {@code from} to {@code to} (inclusive, {@code YYYY-MM-DD}), in order.
   * This pod's waiting counts are written first, so its own turns are always in the answer.
   */
  public List<UsageDay> days(String tenantId, String from, String to) {
    flushQuietly();
    return dynamoDb
        .queryPaginator(
            b ->
                b.tableName(tables.usage())
                    .keyConditionExpression("client_id = :t AND sk BETWEEN :lo AND :hi")
                    .consistentRead(true)
                    .expressionAttributeValues(
                        Map.of(
                            ":t", AttributeValue.fromS(tenantId),
                            ":lo", AttributeValue.fromS(DAY_PREFIX + from),
                            ":hi", AttributeValue.fromS(DAY_PREFIX + to))))
        .items()
        .stream()
        .map(
            item ->
                new UsageDay(
                    item.get("sk").s().substring(DAY_PREFIX.length()),
                    number(item, "turns"),
                    number(item, "tokens_in"),
                    number(item, "tokens_out"),
                    number(item, "embedding_tokens")))
        .toList();
  }

  /** Writes what waits; one flush at a time, failures are kept for the next. */
  synchronized void flush() {
    for (var retry : List.copyOf(retrying.entrySet())) {
      if (write(retry.getKey(), retry.getValue())) {
        retrying.remove(retry.getKey());
      }
    }
    for (Tallies.Sum<Day> sum : waiting.drain()) {
      if (retrying.containsKey(sum.key())) {
        // Waits for the retried write of its day, which may have landed already.
        if (!waiting.add(sum.key(), sum.values())) {
          LOG.warning("usage of a tenant-day dropped: too many tenant-days wait for a flush");
        }
        continue;
      }
      Write write = new Write(++flushes, sum.values());
      if (!write(sum.key(), write)) {
        retrying.put(sum.key(), write);
      }
    }
  }

  private void flushQuietly() {
    try {
      flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "usage flush failed; counts wait for the next one", e);
    }
  }

  /**
   * @return true when the counts are in the store (now, or by an earlier attempt of this write)
   */
  private boolean write(Day day, Write write) {
    try {
      dynamoDb.updateItem(
          b ->
              b.tableName(tables.usage())
                  .key(
                      Map.of(
                          "client_id", AttributeValue.fromS(day.tenantId()),
                          "sk", AttributeValue.fromS(DAY_PREFIX + day.day())))
                  .updateExpression(
                      "SET #d = :d, #f = :f ADD turns :t, tokens_in :i, tokens_out :o,"
                          + " embedding_tokens :e")
                  .conditionExpression("attribute_not_exists(#f) OR #f < :f")
                  .expressionAttributeNames(Map.of("#d", "day", "#f", "flushed_" + pod))
                  .expressionAttributeValues(
                      Map.of(
                          ":d", AttributeValue.fromS(day.day()),
                          ":f", AttributeValue.fromN(Long.toString(write.number())),
                          ":t", AttributeValue.fromN(Long.toString(write.sums()[0])),
                          ":i", AttributeValue.fromN(Long.toString(write.sums()[1])),
                          ":o", AttributeValue.fromN(Long.toString(write.sums()[2])),
                          ":e", AttributeValue.fromN(Long.toString(sum(write.sums(), 3))))));
      return true;
    } catch (ConditionalCheckFailedException alreadyWritten) {
      return true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "usage of a tenant-day not written; retried at the next flush", e);
      return false;
    }
  }

  private static long sum(long[] sums, int index) {
    return index < sums.length ? sums[index] : 0;
  }

  private static long number(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null || value.n() == null ? 0 : Long.parseLong(value.n());
  }
}
