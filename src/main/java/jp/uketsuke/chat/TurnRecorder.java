package jp.uketsuke.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.uketsuke.calls.CallLog;
import jp.uketsuke.calls.Turn;
import jp.uketsuke.tenant.TenantContext;

/**
 * Keeps a finished turn: in the call log with how it was answered (mode, model, tokens, latency,
 * tools, error), which {@code /chat-logs} reads back, and in the tenant's daily usage.
 */
@ApplicationScoped
public class TurnRecorder {
  /** The attribute that marks a call-log item as a chat turn of this engine. */
  static final String MODE = "mode";

  @Inject CallLog log;
  @Inject UsageMeter usage;
  @Inject TenantContext tenant;

  public Turn record(CallerScope caller, String userText, TurnOutcome outcome, long latencyMs) {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put(MODE, outcome.mode());
    extra.put("model", outcome.model());
    extra.put("tokens_in", outcome.tokensIn());
    extra.put("tokens_out", outcome.tokensOut());
    extra.put("latency_ms", latencyMs);
    extra.put("tools", outcome.tools().isEmpty() ? null : outcome.tools());
    extra.put("error", outcome.error());
    Turn stored =
        log.append(
            new Turn(caller.phone(), null, userText, outcome.reply(), caller.callSid()), extra);
    usage.count(tenant.tenantId(), stored.ts(), outcome.tokensIn(), outcome.tokensOut());
    return stored;
  }
}
