package jp.uketsuke.calls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

  @ParameterizedTest(name = "{0} is stored as {1}")
  @CsvSource({
    // the contract's own examples
    "+819012345678, 09012345678",
    "090-1234-5678, 09012345678",
    // other countries lose only the plus
    "+14155550100, 14155550100",
    "'+1 (415) 555-0100', 14155550100",
    // already normal, or written with spaces and full-width digits
    "09012345678, 09012345678",
    "' 03 1234 5678 ', 0312345678",
    "０９０－１２３４－５６７８, 09012345678",
    "'+81 3-1234-5678', 0312345678",
    // a trunk 0 written after the country code is not part of the number
    "'+81 (0)90-1234-5678', 09012345678",
    "'+81(0)3-1234-5678', 0312345678",
    "'+81 ( 0 ) 90 1234 5678', 09012345678",
    "＋８１（０）９０－１２３４－５６７８, 09012345678",
    "'+44 (0)20 7946 0958', 442079460958",
    // the domestic form written after +81 keeps one 0
    "'+81 090-1234-5678', 09012345678",
    // the voice server's placeholder for a withheld number stays a key of its own
    "unknown, unknown",
  })
  void normalisesPhoneNumbersAsTheContractSays(String raw, String expected) {
    assertThat(PhoneNumbers.normalize(raw)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} keeps its 81 when it is not a country code")
  @CsvSource({"8190123456, 8190123456", "081-234-5678, 0812345678"})
  void onlyALeadingPlusMarksACountryCode(String raw, String expected) {
    assertThat(PhoneNumbers.normalize(raw)).isEqualTo(expected);
  }
}
