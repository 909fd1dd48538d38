package jp.uketsuke.recordings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;
import jp.uketsuke.platform.ApiException;

/** The audio of one of the tenant's recordings, opened only after ownership is proven. */
@ApplicationScoped
public class RecordingAudio {
  private static final Logger LOG = Logger.getLogger(RecordingAudio.class.getName());

  @Inject TwilioAccounts accounts;
  @Inject RecordingAccess access;
  @Inject RecordingMedia media;

  MediaStream open(String recordingSid, MediaFormat format, Optional<ByteRange> range) {
    accounts.requireConfigured();
    return open(access.owned(recordingSid), format, range);
  }

  MediaStream open(TwilioRecording recording, MediaFormat format, Optional<ByteRange> range) {
    try {
      return media.open(recording, format, range.map(ByteRange::header).orElse(null));
    } catch (IOException e) {
      LOG.warning("the media of " + recording.sid() + " could not be fetched: " + e);
      throw ApiException.badGateway("Twilio could not be reached for the recording; try again.");
    }
  }
}
