package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import jp.uketsuke.calls.CallSessions;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.tenant.TenantContext;

/**
 * The tenancy rule of recordings: Twilio knows nothing of tenants, so a recording belongs to the
 * tenant whose call logs hold its call SID. Anything else looks exactly like an unknown recording.
 */
@ApplicationScoped
public class RecordingAccess {
  @Inject TenantContext tenant;
  @Inject CallSessions sessions;
  @Inject TwilioRecordings twilio;

  /** The recordings of one of the tenant's calls; Twilio is not asked about other calls. */
  List<TwilioRecording> ofOwnCall(String callSid) {
    String tenantId = tenant.tenantId();
    if (!sessions.belongsToTenant(tenantId, callSid)) {
      throw ApiException.notFound("There is no call " + callSid + ".");
    }
    return twilio.ofCall(tenantId, callSid);
  }

  /** One of the tenant's recordings; its media has not been touched when this answers 404. */
  TwilioRecording owned(String recordingSid) {
    String tenantId = tenant.tenantId();
    TwilioRecording recording = twilio.fetch(tenantId, recordingSid);
    if (recording.callSid() == null || !sessions.belongsToTenant(tenantId, recording.callSid())) {
      throw unknown(recordingSid);
    }
    return recording;
  }

  static ApiException unknown(String recordingSid) {
    return ApiException.notFound("There is no recording " + recordingSid + ".");
  }
}
