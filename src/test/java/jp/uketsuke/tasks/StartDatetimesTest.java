package jp.uketsuke.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class StartDatetimesTest {
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  /** The day the task was created: a Friday in December. */
  private static final LocalDate CREATED = LocalDate.of(2026, 12, 4);

  static Stream<Arguments> readable() {
    return Stream.of(
        Arguments.of("2026-12-24 19:00", "2026-12-24T19:00:00+09:00"),
        Arguments.of("2026-12-24", "2026-12-24T00:00:00+09:00"),
        Arguments.of("2026/12/24 19:00", "2026-12-24T19:00:00+09:00"),
        Arguments.of("2026/12/24", "2026-12-24T00:00:00+09:00"),
        Arguments.of("2026.12.24 9:05", "2026-12-24T09:05:00+09:00"),
        Arguments.of("12月24日 19時", "2026-12-24T19:00:00+09:00"),
        Arguments.of("12月24日19時", "2026-12-24T19:00:00+09:00"),
        Arguments.of("12月24日(水) 午後7時半", "2026-12-24T19:30:00+09:00"),
        Arguments.of("12月24日（水曜日）午後7時半", "2026-12-24T19:30:00+09:00"),
        Arguments.of("12月24日 水曜 19時30分", "2026-12-24T19:30:00+09:00"),
        Arguments.of("2026年12月24日 19:30", "2026-12-24T19:30:00+09:00"),
        Arguments.of("2026年12月24日", "2026-12-24T00:00:00+09:00"),
        Arguments.of("12月24日 午前10時", "2026-12-24T10:00:00+09:00"),
        Arguments.of("12月24日 午前12時", "2026-12-24T00:00:00+09:00"),
        Arguments.of("12月24日 午後12時", "2026-12-24T12:00:00+09:00"),
        Arguments.of("12月24日 正午", "2026-12-24T12:00:00+09:00"),
        Arguments.of("12月24日 夕方5時", "2026-12-24T17:00:00+09:00"),
        Arguments.of("12月24日 夜8時", "2026-12-24T20:00:00+09:00"),
        Arguments.of("12月24日 朝9時", "2026-12-24T09:00:00+09:00"),
        Arguments.of("12月24日 午後19時", "2026-12-24T19:00:00+09:00"),
        Arguments.of("１２月２４日", "2026-12-24T00:00:00+09:00"),
        Arguments.of("１２月２４日　１９：３０", "2026-12-24T19:30:00+09:00"),
        Arguments.of("２０２６／１２／２４", "2026-12-24T00:00:00+09:00"),
        Arguments.of("十二月二十四日 午後七時", "2026-12-24T19:00:00+09:00"),
        Arguments.of("12/24 19:00", "2026-12-24T19:00:00+09:00"),
        Arguments.of("12/24 7pm", "2026-12-24T19:00:00+09:00"),
        Arguments.of("12/24 7:15 PM", "2026-12-24T19:15:00+09:00"),
        Arguments.of("12/24 10am", "2026-12-24T10:00:00+09:00"),
        Arguments.of("12月24日 10時〜12時", "2026-12-24T10:00:00+09:00"),
        Arguments.of("12月24日 10時頃", "2026-12-24T10:00:00+09:00"),
        Arguments.of("  12月24日 19時  ", "2026-12-24T19:00:00+09:00"),
        // The next occurrence on or after the day of creation: January means next year.
        Arguments.of("1月5日 10時", "2027-01-05T10:00:00+09:00"),
        Arguments.of("12月4日 10時", "2026-12-04T10:00:00+09:00"),
        Arguments.of("12月3日", "2027-12-03T00:00:00+09:00"),
        Arguments.of("2月29日", "2028-02-29T00:00:00+09:00"),
        Arguments.of("24日 10時", "2026-12-24T10:00:00+09:00"),
        Arguments.of("3日 10時", "2027-01-03T10:00:00+09:00"),
        Arguments.of("31日", "2026-12-31T00:00:00+09:00"),
        Arguments.of("明日 9:00", "2026-12-05T09:00:00+09:00"),
        Arguments.of("明日の午後3時", "2026-12-05T15:00:00+09:00"),
        Arguments.of("あさって", "2026-12-06T00:00:00+09:00"),
        Arguments.of("今日 18時", "2026-12-04T18:00:00+09:00"),
        Arguments.of("tomorrow 10:00", "2026-12-05T10:00:00+09:00"),
        // An explicit year is kept even when it lies before the day of creation.
        Arguments.of("2025-10-01 10:30", "2025-10-01T10:30:00+09:00"),
        Arguments.of("2026-12-24T19:00", "2026-12-24T19:00:00+09:00"),
        Arguments.of("2026-12-24T10:00:00Z", "2026-12-24T19:00:00+09:00"),
        Arguments.of("2026-12-24T19:00:00+09:00", "2026-12-24T19:00:00+09:00"),
        Arguments.of("2026-12-24T19:00:00.123+0900", "2026-12-24T19:00:00+09:00"));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("readable")
  void readableTextGivesTheStartInTheTenantsZone(String text, String startAt) {
    TaskStart start = StartDatetimes.read(text, CREATED, TOKYO);

    assertThat(start.kind()).isEqualTo(TaskStart.Kind.READ);
    assertThat(start.startAt()).isEqualTo(startAt);
    assertThat(start.refused()).isFalse();
  }

  @Test
  void aDateWithoutTimeCoversItsWholeDayAndADateWithTimeIsAMoment() {
    TaskStart day = StartDatetimes.read("12月24日", CREATED, TOKYO);
    assertThat(day.allDay()).isTrue();
    assertThat(day.first()).hasToString("2026-12-23T15:00:00Z");
    assertThat(day.last()).hasToString("2026-12-24T14:59:59.999999999Z");

    TaskStart moment = StartDatetimes.read("12月24日 19時", CREATED, TOKYO);
    assertThat(moment.allDay()).isFalse();
    assertThat(moment.first()).isEqualTo(moment.last()).hasToString("2026-12-24T10:00:00Z");
  }

  @Test
  void theOffsetIsTheTenantZonesOnThatDay() {
    ZoneId newYork = ZoneId.of("America/New_York");
    assertThat(StartDatetimes.read("7月1日 9時", CREATED, newYork).startAt())
        .isEqualTo("2027-07-01T09:00:00-04:00");
    assertThat(StartDatetimes.read("12月24日 9時", CREATED, newYork).startAt())
        .isEqualTo("2026-12-24T09:00:00-05:00");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "来週のどこか",
        "午前10時",
        "19:00",
        "夕方",
        "月末ごろ",
        "年末",
        "来週水曜",
        "水曜日の午後",
        "12月",
        "2026年12月",
        "3日後",
        "日時未定（来週連絡）",
        "next week"
      })
  void textAboutATimeWithoutADayIsVagueKeptWithoutStartAtAndNotRefused(String text) {
    TaskStart start = StartDatetimes.read(text, CREATED, TOKYO);

    assertThat(start.kind()).isEqualTo(TaskStart.Kind.VAGUE);
    assertThat(start.startAt()).isNull();
    assertThat(start.refused()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"松の剪定", "hello", "未定", "???", "山田様", "2本", "abc-def"})
  void textThatSpeaksOfNoDateAtAllIsNotADateAndRefusedAsANewValue(String text) {
    TaskStart start = StartDatetimes.read(text, CREATED, TOKYO);

    assertThat(start.kind()).isEqualTo(TaskStart.Kind.NOT_A_DATE);
    assertThat(start.startAt()).isNull();
    assertThat(start.refused()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2025-13-01",
        "2025-10-01 25:00",
        "2026-02-30",
        "2月30日",
        "4月31日",
        "13月1日",
        "12月24日 25時",
        "12月24日 19時75分",
        "32日",
        "2026-12-24T24:00"
      })
  void theShapeOfADateWithImpossibleValuesIsRefusedAsANewValue(String text) {
    TaskStart start = StartDatetimes.read(text, CREATED, TOKYO);

    assertThat(start.kind()).isEqualTo(TaskStart.Kind.IMPOSSIBLE);
    assertThat(start.startAt()).isNull();
    assertThat(start.refused()).isTrue();
  }

  @Test
  void textLongerThanAStartIsNotReadAtAll() {
    String note = "12月24日 19時 " + "お庭の手入れについてのご相談。".repeat(20);

    assertThat(StartDatetimes.read(note, CREATED, TOKYO).kind())
        .isEqualTo(TaskStart.Kind.NOT_A_DATE);
    assertThat(StartDatetimes.read(note.substring(0, 150), CREATED, TOKYO).startAt())
        .isEqualTo("2026-12-24T19:00:00+09:00");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "　"})
  void blankTextIsNoStart(String text) {
    assertThat(StartDatetimes.read(text, CREATED, TOKYO).kind()).isEqualTo(TaskStart.Kind.EMPTY);
    assertThat(StartDatetimes.read(null, CREATED, TOKYO).kind()).isEqualTo(TaskStart.Kind.EMPTY);
  }

  @Test
  void neverThrowsWhateverTheText() {
    for (String text :
        new String[] {
          "99999999999月99999999999日",
          "12月24日 99999999999時",
          "一二三四五六七八九十十十",
          "\u0000\uFFFF",
          "2026-12-24T19:00:00+99:99",
          "((((",
          "日".repeat(10_000)
        }) {
      assertThat(StartDatetimes.read(text, CREATED, TOKYO)).isNotNull();
    }
  }
}
