package jp.uketsuke.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.uketsuke.platform.ApiException;
import org.junit.jupiter.api.Test;

/** The byte ranges a browser's audio player sends when it seeks. */
class ByteRangeTest {

  @Test
  void aClosedRangeIsCutToTheFile() {
    ByteRange range = ByteRange.parse("bytes=100-199").orElseThrow();
    assertThat(range.within(1000)).containsExactly(100, 199);
    assertThat(range.within(150)).containsExactly(100, 149);
    assertThat(range.header()).isEqualTo("bytes=100-199");
  }

  @Test
  void anOpenRangeRunsToTheEndAndASuffixRangeTakesTheLastBytes() {
    assertThat(ByteRange.parse("bytes=500-").orElseThrow().within(1000)).containsExactly(500, 999);
    assertThat(ByteRange.parse("bytes=-300").orElseThrow().within(1000)).containsExactly(700, 999);
    assertThat(ByteRange.parse("bytes=-3000").orElseThrow().within(1000)).containsExactly(0, 999);
  }

  @Test
  void aRangeOutsideTheFileIs416() {
    assertThatThrownBy(() -> ByteRange.parse("bytes=1000-").orElseThrow().within(1000))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(416));
  }

  @Test
  void rangesThisServiceDoesNotServeAreIgnoredSoTheWholeFileIsSent() {
    assertThat(ByteRange.parse(null)).isEmpty();
    assertThat(ByteRange.parse("bytes=0-1,5-9")).isEmpty();
    assertThat(ByteRange.parse("items=0-1")).isEmpty();
    assertThat(ByteRange.parse("bytes=9-1")).isEmpty();
    assertThat(ByteRange.parse("bytes=-")).isEmpty();
  }
}
