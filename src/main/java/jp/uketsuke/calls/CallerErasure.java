package jp.uketsuke.calls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.uketsuke.platform.Tables;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Erases everything the tenant holds about one caller: summaries of their calls, turns, directory
 * entry, stored transcripts and tasks. Summaries go first, while the turns still name the calls.
 * Turns are deleted while the history is read, a batch at a time, so a long history does not have
 * to fit in memory; running it again finishes an interrupted erasure.
 */
@ApplicationScoped
public class CallerErasure {
  private static final int PAGE = 500;

  @Inject Tables tables;
  @Inject CallHistory history;
  @Inject PhoneDirectory directory;
  @Inject PhoneLinkedItems linked;
  @Inject BatchDeletes batchDeletes;
  @Inject CallSummaries summaries;
  @Inject CallLogChanges changes;

  /** What was removed. */
  public record Erased(int turns, int tasks, int transcripts, int directory, int summaries) {}

  public Erased erase(String tenantId, String phone) {
    int summaries = eraseSummaries(tenantId, phone);
    int turns;
    try {
      turns = eraseTurns(tenantId, phone);
    } finally { // also when only some were deleted
      changes.announce(tenantId);
    }
    int tasks = batchDeletes.delete(tables.tasks(), linked.taskKeys(tenantId, phone));
    int transcripts =
        batchDeletes.delete(tables.transcripts(), linked.transcriptKeys(tenantId, phone));
    int entry = directory.remove(tenantId, phone) ? 1 : 0;
    return new Erased(turns, tasks, transcripts, entry, summaries);
  }

  private int eraseSummaries(String tenantId, String phone) {
    Set<String> calls = new LinkedHashSet<>();
    history
        .items(tenantId, new CallQuery(phone, TimeRange.ALL, true), PAGE)
        .map(item -> LogItems.turn(item).callSid())
        .filter(sid -> sid != null && !sid.isBlank())
        .forEach(calls::add);
    List<String> ended = List.copyOf(summaries.findAll(tenantId, List.copyOf(calls)).keySet());
    return ended.isEmpty()
        ? 0
        : batchDeletes.delete(
            tables.callSummaries(),
            ended.stream().map(sid -> CallSummaries.key(tenantId, sid)).toList());
  }

  private int eraseTurns(String tenantId, String phone) {
    // Deleting behind the paginator is safe: it continues after the last key it returned.
    Iterator<Map<String, AttributeValue>> items =
        history.items(tenantId, new CallQuery(phone, TimeRange.ALL, true), PAGE).iterator();
    int deleted = 0;
    List<Map<String, AttributeValue>> chunk = new ArrayList<>();
    while (items.hasNext()) {
      chunk.add(LogItems.keyOf(items.next()));
      if (chunk.size() == PAGE || !items.hasNext()) {
        deleted += batchDeletes.delete(tables.logs(), chunk);
        chunk.clear();
      }
    }
    return deleted;
  }
}
