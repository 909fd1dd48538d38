package jp.uketsuke.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The names of the tables the service uses. The first four exist in production and keep their shape
 * (the old backend may run beside this one); the others hold new capabilities.
 */
@ApplicationScoped
public class Tables {
  @Inject
  @ConfigProperty(name = "uketsuke.table.logs", defaultValue = "app-logs")
  String logs;

  @Inject
  @ConfigProperty(name = "uketsuke.table.faq", defaultValue = "app-faq")
  String faq;

  @Inject
  @ConfigProperty(name = "uketsuke.table.prompts", defaultValue = "app-prompts")
  String prompts;

  @Inject
  @ConfigProperty(name = "uketsuke.table.tasks", defaultValue = "app-tasks")
  String tasks;

  @Inject
  @ConfigProperty(name = "uketsuke.table.audit", defaultValue = "app-audit")
  String audit;

  @Inject
  @ConfigProperty(name = "uketsuke.table.phones", defaultValue = "app-phones")
  String phones;

  @Inject
  @ConfigProperty(name = "uketsuke.table.usage", defaultValue = "app-usage")
  String usage;

  @Inject
  @ConfigProperty(name = "uketsuke.table.transcripts", defaultValue = "app-transcripts")
  String transcripts;

  @Inject
  @ConfigProperty(name = "uketsuke.table.idempotency", defaultValue = "app-idempotency")
  String idempotency;

  @Inject
  @ConfigProperty(name = "uketsuke.table.call-sids", defaultValue = "app-call-sids")
  String callSids;

  @Inject
  @ConfigProperty(name = "uketsuke.table.webhooks", defaultValue = "app-webhooks")
  String webhooks;

  @Inject
  @ConfigProperty(name = "uketsuke.table.call-summaries", defaultValue = "app-call-summaries")
  String callSummaries;

  @Inject
  @ConfigProperty(name = "uketsuke.table.faq-vectors", defaultValue = "app-faq-vectors")
  String faqVectors;

  public String logs() {
    return logs;
  }

  public String faq() {
    return faq;
  }

  public String prompts() {
    return prompts;
  }

  public String tasks() {
    return tasks;
  }

  /** Audit records of every change to FAQ, tasks and settings. */
  public String audit() {
    return audit;
  }

  /** The per-tenant phone directory (last activity per caller). */
  public String phones() {
    return phones;
  }

  /** Per-tenant daily usage counters (model tokens, turns, seconds transcribed). */
  public String usage() {
    return usage;
  }

  /** Stored transcripts, one per recording. */
  public String transcripts() {
    return transcripts;
  }

  /** Idempotency keys of writes and their first outcomes (TTL attribute {@code expires_at}). */
  public String idempotency() {
    return idempotency;
  }

  /** Which tenant a call SID belongs to: the first whose turn carried it (key: the SID alone). */
  public String callSids() {
    return callSids;
  }

  /** Webhooks, their deliveries, and the outbox of events not yet handed to the queue. */
  public String webhooks() {
    return webhooks;
  }

  /** The summary of each ended call (key: tenant, call SID); written once per call. */
  public String callSummaries() {
    return callSummaries;
  }

  /**
   * FAQ entries' embedding vectors (key: tenant, question), apart from {@code app-faq} so the old
   * voice server's FAQ query (up to 200 items in one 1 MB page) reads no vectors.
   */
  public String faqVectors() {
    return faqVectors;
  }

  public List<String> all() {
    return List.of(
        logs,
        faq,
        prompts,
        tasks,
        audit,
        phones,
        usage,
        transcripts,
        idempotency,
        callSids,
        webhooks,
        callSummaries,
        faqVectors);
  }
}
