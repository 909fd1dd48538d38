package jp.uketsuke.calls;

import static jp.uketsuke.calls.LogItems.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Tables;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Applies the call log to the phone directory, whoever wrote the turns: this service, or the voice
 * server that puts items straight into {@code app-logs}. Each run reads {@code TsIndex} from the
 * tenant's position up to {@code settle} ago (so an item the index has not shown yet is not jumped
 * over), at most {@code batch} items, and applies them phone by phone. A tenant that is further
 * behind is caught up in the background; the cost of a run depends on what is new, never on the
 * history. The same batches open the calls the idle sweep ends ({@link OpenCalls}).
 */
@ApplicationScoped
public class DirectoryCatchUp {
  private static final Logger LOG = Logger.getLogger(DirectoryCatchUp.class.getName());
  private static final int ATTEMPTS = 5;

  @Inject DynamoDbClient dynamoDb;
  @Inject Tables tables;
  @Inject PhoneDirectory directory;
  @Inject DirectoryBackfill backfill;
  @Inject OpenCalls openCalls;

  @Inject
  @ConfigProperty(name = "uketsuke.phones.settle", defaultValue = "PT2S")
  Duration settle;

  @Inject
  @ConfigProperty(name = "uketsuke.phones.catch-up-batch", defaultValue = "1000")
  int batchSize;

  /** A turn as the catch-up needs it; {@code writerCounts}: a late turn its writer counts. */
  record Logged(String phone, String ts, Instant at, String callSid, boolean writerCounts) {}

  /** Turns to apply, and the instant through which they are all the log holds. */
  record Batch(List<Logged> turns, Instant through, boolean more) {}

  /** The directory after one step, and whether the log holds more before the cutoff. */
  record Progress(PhoneDirectory.State state, boolean more) {}

  /**
   * The directory with what the log holds up to {@code settle} ago: one batch here, the rest (a
   * tenant far behind, e.g. on its first read) in the background.
   */
  public PhoneDirectory.State current(String tenantId) {
    Progress progress = step(tenantId, directory.read(tenantId));
    if (progress.more()) {
      backfill.start(tenantId);
    }
    return progress.state();
  }

  /**
   * For the idle sweep: one batch from the stored position, reading only the entries it changes, so
   * a tenant with nothing new costs two reads; a tenant further behind continues in the background.
   */
  void follow(String tenantId) {
    Progress progress =
        step(tenantId, new PhoneDirectory.State(Map.of(), directory.watermark(tenantId)));
    if (progress.more()) {
      backfill.start(tenantId);
    }
  }

  /** One batch; the same state when there was nothing to apply. */
  Progress step(String tenantId, PhoneDirectory.State state) {
    Instant cutoff = cutoff();
    if (state.through() != null && !state.through().isBefore(cutoff)) {
      return new Progress(state, false);
    }
    Batch batch = read(tenantId, state.through(), cutoff);
    if (batch.turns().isEmpty() && !batch.more()) {
      // Nothing new: no write. The position moves with the next turn applied.
      return new Progress(state, false);
    }
    // Before the position moves past them: a pod that stops here leaves them to be read again.
    openCalls.seen(tenantId, batch.turns());
    Map<String, PhoneDirectory.Stored> entries = new HashMap<>(state.entries());
    byPhone(batch.turns().stream().filter(t -> !t.writerCounts()).toList())
        .forEach(
            (phone, turns) ->
                entries.put(
                    phone, apply(tenantId, phone, entries.get(phone), turns, batch.through())));
    directory.advance(tenantId, batch.through());
    return new Progress(new PhoneDirectory.State(entries, batch.through()), batch.more());
  }

  /**
   * True for a turn about to be stored with a time so old that a catch-up may have read the log
   * past it already (half the settle time: room for the write itself to arrive). Such a turn is
   * counted by its writer ({@link PhoneDirectory#countLate}), never by a catch-up: deciding by the
   * tenant's position instead would race a catch-up that read the log before the turn was stored
   * and moves the position past it afterwards.
   */
  public boolean late(String ts) {
    Instant at = LogTimes.instantOf(ts);
    return at != null && at.isBefore(Instant.now().minus(settle.dividedBy(2)));
  }

  /** Now less the settle time: the log before it is complete in the index. */
  Instant cutoff() {
    return Instant.now().minus(settle).truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The log from just after {@code from} (null: the beginning) to {@code cutoff}. Key order is time
   * order only between seconds (spellings differ within one), so a batch cut short by its limit
   * ends before the second its last item is in; a batch that lies within one second reads the rest
   * of it.
   */
  Batch read(String tenantId, Instant from, Instant cutoff) {
    // From the second the next instant is in: a position at a second's end starts the next one.
    String lo = from == null ? "0" : LogTimes.secondPrefix(from.plus(1, ChronoUnit.MICROS));
    QueryResponse page = query(tenantId, lo, LogTimes.secondPrefix(cutoff) + "~", batchSize, null);
    List<Map<String, AttributeValue>> items = new ArrayList<>(page.items());
    Instant through = cutoff;
    boolean more = page.hasLastEvaluatedKey() && !page.items().isEmpty();
    if (more) {
      String lastSecond = lastSecond(items);
      if (!lastSecond.equals(lo)) {
        through = LogTimes.instantOf(lastSecond).minus(1, ChronoUnit.MICROS);
      } else {
        // More turns in one second than a batch holds: that second, whole.
        Map<String, AttributeValue> start = page.lastEvaluatedKey();
        do {
          page = query(tenantId, lo, lo + "~", batchSize, start);
          items.addAll(page.items());
          start = page.lastEvaluatedKey();
        } while (page.hasLastEvaluatedKey());
        Instant secondEnd = LogTimes.instantOf(lo).plusSeconds(1).minus(1, ChronoUnit.MICROS);
        through = secondEnd.isBefore(cutoff) ? secondEnd : cutoff;
      }
    }
    Instant end = through;
    List<Logged> turns =
        items.stream()
            .map(DirectoryCatchUp::logged)
            .filter(t -> t.at() != null && !t.at().isAfter(end))
            .filter(t -> from == null || t.at().isAfter(from))
            .toList();
    return new Batch(turns, through, more);
  }

  /** The second of the batch's last readable timestamp, as a key prefix. */
  private static String lastSecond(List<Map<String, AttributeValue>> items) {
    for (int i = items.size() - 1; i >= 0; i--) {
      Instant at = LogTimes.instantOf(LogItems.text(items.get(i), "ts"));
      if (at != null) {
        return LogTimes.secondPrefix(at);
      }
    }
    return LogTimes.secondPrefix(Instant.EPOCH);
  }

  private QueryResponse query(
      String tenantId, String lo, String hi, int limit, Map<String, AttributeValue> start) {
    return dynamoDb.query(
        b ->
            b.tableName(tables.logs())
                .indexName(CallHistory.TS_INDEX)
                .keyConditionExpression("client_id = :t AND ts BETWEEN :lo AND :hi")
                .projectionExpression("sk, phone_number, ts, call_sid, #d")
                .expressionAttributeNames(Map.of("#d", LogItems.DIRECTORY))
                .expressionAttributeValues(Map.of(":t", s(tenantId), ":lo", s(lo), ":hi", s(hi)))
                .limit(limit)
                .exclusiveStartKey(start));
  }

  /**
   * Applies one phone's turns of a batch to its entry, counting only those after the entry's own
   * position, and reads the entry again when another pod changed it meanwhile.
   */
  private PhoneDirectory.Stored apply(
      String tenantId,
      String phone,
      PhoneDirectory.Stored seen,
      List<Logged> turns,
      Instant through) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Instant counted = seen == null ? null : seen.through();
      if (counted != null && !counted.isBefore(through)) {
        return seen;
      }
      List<Logged> fresh =
          turns.stream().filter(t -> counted == null || t.at().isAfter(counted)).toList();
      if (fresh.isEmpty() && seen != null && counted != null) {
        return seen;
      }
      PhoneEntry next = next(phone, seen, fresh);
      if (directory.apply(tenantId, seen, next, fresh.size(), through)) {
        return new PhoneDirectory.Stored(next, through);
      }
      seen = directory.entry(tenantId, phone).orElse(null);
    }
    LOG.warning("phone directory: entry kept changing under catch-up; tenant " + tenantId);
    throw ApiException.unavailable("The phone directory is busy; try again.");
  }

  /** The entry after {@code fresh}: counts added (or counted anew), last activity moved forward. */
  private static PhoneEntry next(String phone, PhoneDirectory.Stored seen, List<Logged> fresh) {
    Logged newest = fresh.stream().max(Comparator.comparing(Logged::at)).orElse(null);
    PhoneEntry old = seen == null ? null : seen.shown();
    boolean recount = seen != null && seen.through() == null;
    long turns = (old == null || recount ? 0 : old.turns()) + fresh.size();
    Instant oldLast = old == null ? null : LogTimes.instantOf(old.lastTs());
    if (newest == null || (oldLast != null && !newest.at().isAfter(oldLast))) {
      return new PhoneEntry(
          phone, old == null ? null : old.lastTs(), turns, old == null ? null : old.lastCallSid());
    }
    return new PhoneEntry(phone, newest.ts(), turns, newest.callSid());
  }

  private static Map<String, List<Logged>> byPhone(List<Logged> turns) {
    Map<String, List<Logged>> byPhone = new LinkedHashMap<>();
    turns.forEach(t -> byPhone.computeIfAbsent(t.phone(), p -> new ArrayList<>()).add(t));
    return byPhone;
  }

  /** Phones as keys in their normal form, whatever form the writer used. */
  private static Logged logged(Map<String, AttributeValue> item) {
    Turn turn = LogItems.turn(item);
    return new Logged(
        PhoneNumbers.normalize(turn.phoneNumber()),
        turn.ts(),
        LogTimes.instantOf(turn.ts()),
        turn.callSid(),
        item.containsKey(LogItems.DIRECTORY));
  }
}
