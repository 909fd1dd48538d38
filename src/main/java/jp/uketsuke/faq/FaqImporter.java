package jp.uketsuke.faq;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.uketsuke.audit.AuditLog;
import jp.uketsuke.faq.FaqImportReport.RowError;
import jp.uketsuke.platform.Timestamps;
import jp.uketsuke.tenant.TenantContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Imports FAQ rows into the caller's tenant as upserts. Each valid row is compared with the stored
 * entry read just before: absent → created, same answer → unchanged (not written), other answer →
 * updated (created_at and any other stored attribute kept). A question that appears again later in
 * the same file fails as a duplicate, so nothing is written twice.
 */
@ApplicationScoped
public class FaqImporter {
  @Inject FaqStore store;
  @Inject FaqBatchWriter writer;
  @Inject FaqVersion version;
  @Inject AuditLog audit;
  @Inject TenantContext tenant;
  @Inject FaqEmbedder embedder;

  private enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** The decision for one accepted row and the item to write, if any. */
  private record Planned(FaqRow row, Outcome outcome, Map<String, AttributeValue> item) {}

  public FaqImportReport run(List<FaqRow> rows, boolean dryRun) {
    String tenantId = tenant.tenantId();
    List<RowError> errors = new ArrayList<>();
    Map<String, Planned> plan = plan(tenantId, accepted(rows, errors));
    if (dryRun) {
      return report(plan, errors, true);
    }
    // Marked before the first write, bumped after the last (also when writing failed half way),
    // and recorded before anything is written: see FaqEditor.
    long writes = plan.values().stream().filter(p -> p.item() != null).count();
    audit.record("faq.import.started", "import", null, writes + " rows to write");
    String mark = version.begin(tenantId);
    try {
      write(plan, errors);
    } finally {
      version.end(tenantId, mark, writes > 0);
      if (writes > 0) {
        embedder.refresh(tenantId); // vectors in batches, in the background
      }
    }
    FaqImportReport report = report(plan, errors, false);
    audit.record("faq.import", "import", null, report.summary());
    return report;
  }

  /** Valid rows by question, first occurrence wins; the others become errors. */
  private static Map<String, FaqRow> accepted(List<FaqRow> rows, List<RowError> errors) {
    Map<String, FaqRow> accepted = new LinkedHashMap<>();
    for (FaqRow row : rows) {
      Optional<String> problem =
          Optional.ofNullable(row.problem())
              .or(() -> FaqRules.questionProblem(row.question()))
              .or(() -> FaqRules.answerProblem(row.answer()));
      FaqRow first = problem.isPresent() ? null : accepted.putIfAbsent(row.question(), row);
      if (first != null) {
        problem = Optional.of("the question appears already in row " + first.row() + ".");
      }
      problem.ifPresent(p -> errors.add(new RowError(row.row(), p)));
    }
    return accepted;
  }

  private Map<String, Planned> plan(String tenantId, Map<String, FaqRow> accepted) {
    Map<String, Map<String, AttributeValue>> stored = new HashMap<>();
    for (var item : store.stored(tenantId)) {
      stored.put(item.get("question").s(), item);
    }
    String now = Timestamps.now();
    Map<String, Planned> plan = new LinkedHashMap<>();
    for (FaqRow row : accepted.values()) {
      var old = stored.get(row.question());
      AttributeValue oldAnswer = old == null ? null : old.get("answer");
      if (old == null) {
        var item = new HashMap<>(FaqStore.key(tenantId, row.question()));
        item.put("created_at", AttributeValue.fromS(now));
        plan.put(row.question(), new Planned(row, Outcome.CREATED, withAnswer(item, row, now)));
      } else if (oldAnswer != null && row.answer().equals(oldAnswer.s())) {
        plan.put(row.question(), new Planned(row, Outcome.UNCHANGED, null));
      } else {
        var item = withAnswer(new HashMap<>(old), row, now);
        plan.put(row.question(), new Planned(row, Outcome.UPDATED, item));
      }
    }
    return plan;
  }

  private static Map<String, AttributeValue> withAnswer(
      Map<String, AttributeValue> item, FaqRow row, String now) {
    item.put("answer", AttributeValue.fromS(row.answer()));
    item.put("updated_at", AttributeValue.fromS(now));
    return item;
  }

  /** Writes the plan; rows whose write did not go through leave the plan as errors. */
  private void write(Map<String, Planned> plan, List<RowError> errors) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    plan.values().stream().filter(p -> p.item() != null).forEach(p -> items.add(p.item()));
    Set<String> failed = writer.putAll(items);
    for (String question : failed) {
      Planned lost = plan.remove(question);
      errors.add(new RowError(lost.row().row(), "the row could not be stored; import it again."));
    }
  }

  private static FaqImportReport report(
      Map<String, Planned> plan, List<RowError> errors, boolean dryRun) {
    Map<Outcome, Integer> counts = new HashMap<>();
    plan.values().forEach(p -> counts.merge(p.outcome(), 1, Integer::sum));
    errors.sort(Comparator.comparingInt(RowError::row));
    return new FaqImportReport(
        true,
        dryRun,
        counts.getOrDefault(Outcome.CREATED, 0),
        counts.getOrDefault(Outcome.UPDATED, 0),
        counts.getOrDefault(Outcome.UNCHANGED, 0),
        errors.size(),
        List.copyOf(errors));
  }
}
