package jp.uketsuke.recordings;

import com.twilio.exception.TwilioException;
import com.twilio.rest.api.v2010.account.Recording;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import jp.uketsuke.platform.ApiException;
import jp.uketsuke.platform.Timestamps;

/**
 * Twilio's recording metadata, in the tenant's account. Twilio's client already retries its 5xx
 * answers; what still fails becomes a 502, and Twilio's message stays in the log.
 */
@ApplicationScoped
public class TwilioRecordings {
  private static final Logger LOG = Logger.getLogger(TwilioRecordings.class.getName());

  @Inject TwilioClients clients;

  /** Every recording of the call, across all of Twilio's pages. */
  List<TwilioRecording> ofCall(String tenantId, String callSid) {
    try {
      List<TwilioRecording> all = new ArrayList<>();
      for (Recording recording :
          Recording.reader().setCallSid(callSid).read(clients.forTenant(tenantId))) {
        all.add(of(recording));
      }
      return all;
    } catch (TwilioException e) {
      throw failure("listing the recordings of a call", e);
    }
  }

  /** Whether the call has at least one recording: one request for a page of one. */
  boolean anyOfCall(String tenantId, String callSid) {
    try {
      return !Recording.reader()
          .setCallSid(callSid)
          .setPageSize(1L)
          .firstPage(clients.forTenant(tenantId))
          .getRecords()
          .isEmpty();
    } catch (TwilioException e) {
      throw failure("probing the recordings of a call", e);
    }
  }

  /** One recording; 404 when Twilio does not know it in the tenant's account. */
  TwilioRecording fetch(String tenantId, String recordingSid) {
    try {
      return of(Recording.fetcher(recordingSid).fetch(clients.forTenant(tenantId)));
    } catch (com.twilio.exception.ApiException e) {
      if (Integer.valueOf(404).equals(e.getStatusCode())) {
        throw RecordingAccess.unknown(recordingSid);
      }
      throw failure("fetching a recording", e);
    } catch (TwilioException e) {
      throw failure("fetching a recording", e);
    }
  }

  private static TwilioRecording of(Recording recording) {
    ZonedDateTime created = recording.getDateCreated();
    return new TwilioRecording(
        recording.getSid(),
        recording.getCallSid(),
        recording.getAccountSid(),
        seconds(recording.getDuration()),
        created == null ? null : Timestamps.formatSeconds(created.toInstant()),
        formatOf(recording.getMediaUrl()));
  }

  /** Twilio keeps voice recordings as WAV and converts to MP3 on request. */
  private static String formatOf(URI mediaUrl) {
    String path = mediaUrl == null ? "" : String.valueOf(mediaUrl.getPath());
    int dot = path.lastIndexOf('.');
    String extension = dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    return MediaFormat.known(extension) ? extension : MediaFormat.WAV.extension();
  }

  private static Integer seconds(String duration) {
    try {
      int value = Integer.parseInt(String.valueOf(duration).strip());
      return value < 0 ? null : value;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static ApiException failure(String what, TwilioException e) {
    LOG.warning("Twilio failed " + what + ": " + e);
    return ApiException.badGateway("Twilio failed to answer; try again later.");
  }
}
