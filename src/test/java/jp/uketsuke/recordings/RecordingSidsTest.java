package jp.uketsuke.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.uketsuke.platform.ApiException;
import org.junit.jupiter.api.Test;

/** SIDs and formats as clients send them to {@code /recording/{sid}} and {@code /transcription}. */
class RecordingSidsTest {

  @Test
  void anMp3OrWavSuffixOnTheSidIsToleratedAndNamesTheFormat() {
    assertThat(RecordingSids.recording("RE123.mp3", null, "sid"))
        .isEqualTo(new RecordingSids.Requested("RE123", MediaFormat.MP3));
    assertThat(RecordingSids.recording("RE123.WAV", null, "sid"))
        .isEqualTo(new RecordingSids.Requested("RE123", MediaFormat.WAV));
    assertThat(RecordingSids.recording("RE123", null, "sid").format()).isEqualTo(MediaFormat.MP3);
    assertThat(RecordingSids.recording("RE123.mp3", "wav", "sid").format())
        .isEqualTo(MediaFormat.WAV);
  }

  @Test
  void aMissingOrMalformedSidIs400NamingTheField() {
    assertBadRequest(() -> RecordingSids.require(null, "call_sid"), "call_sid");
    assertBadRequest(() -> RecordingSids.require("CA/../x", "call_sid"), "call_sid");
    assertBadRequest(() -> RecordingSids.recording("RE1", "ogg", "sid"), "format");
  }

  private static void assertBadRequest(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.getMessage()).contains(field);
            });
  }
}
