package jp.uketsuke.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneMaskTest {

  @Test
  void aNumberKeepsItsFirstThreeAndLastTwoDigits() {
    assertThat(PhoneMask.mask("09012345678")).isEqualTo("090******78");
    assertThat(PhoneMask.mask("+81 90-1234-5678")).isEqualTo("819*******78");
    assertThat(PhoneMask.mask("110")).isEqualTo("***");
  }

  @Test
  void numbersInsideTextAreMaskedInEveryWayTheyAreWritten() {
    assertThat(PhoneMask.in("/callers/+81 90-1234-5678")).isEqualTo("/callers/819*******78");
    // Numbers that follow with only a space between are taken as part of it: the safe side.
    assertThat(PhoneMask.in("+81 90-1234-5678 200")).isEqualTo("819**********00");
    assertThat(PhoneMask.in("/calls?phone=09012345678&limit=20"))
        .isEqualTo("/calls?phone=090******78&limit=20");
    assertThat(PhoneMask.in("caller (03) 1234.5678 hung up"))
        .isEqualTo("caller 031*****78 hung up");
    assertThat(PhoneMask.in("+81+90-1234-5678")).doesNotContain("1234", "5678");
  }

  @Test
  void idsDatesAndShortNumbersStayReadable() {
    assertThat(PhoneMask.in("/recording/RE0123456789abcdef"))
        .isEqualTo("/recording/RE0123456789abcdef");
    assertThat(PhoneMask.in("since=2025-12-01T10:00:00Z")).isEqualTo("since=2025-12-01T10:00:00Z");
    assertThat(PhoneMask.in("limit=20 took 1234ms")).isEqualTo("limit=20 took 1234ms");
    assertThat(PhoneMask.in(null)).isNull();
  }
}
