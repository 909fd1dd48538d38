package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.uketsuke.calls.CallSessions;
import jp.uketsuke.calls.RecordingPresence;
import jp.uketsuke.platform.ApiException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a caller timeline's {@code recordings} by asking Twilio about the caller's newest calls,
 * one small request each, stopping at the first recorded one. Only calls the tenant owns by the
 * rule of {@link RecordingAccess} are asked about, so Twilio is never asked about another tenant's
 * calls, and a call SID another tenant logged too tells nothing about its recordings.
 */
@ApplicationScoped
public class TwilioRecordingPresence implements RecordingPresence {
  @Inject TwilioAccounts accounts;
  @Inject TwilioRecordings twilio;
  @Inject CallSessions sessions;

  @Inject
  @ConfigProperty(name = "uketsuke.twilio.timeline-probe-calls", defaultValue = "10")
  int probeCalls;

  @Override
  public Boolean anyRecorded(String tenantId, List<String> callSidsNewestFirst) {
    if (!accounts.configured()) {
      return null;
    }
    List<String> probed = callSidsNewestFirst.stream().limit(Math.max(0, probeCalls)).toList();
    try {
      for (String callSid : probed) {
        if (sessions.belongsToTenant(tenantId, callSid) && twilio.anyOfCall(tenantId, callSid)) {
          return true;
        }
      }
    } catch (ApiException twilioFailed) {
      return null; // already logged; the timeline is our own data and still answers
    }
    return probed.size() == callSidsNewestFirst.size() ? false : null;
  }
}
