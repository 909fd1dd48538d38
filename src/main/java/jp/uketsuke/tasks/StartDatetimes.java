package jp.uketsuke.tasks;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the start of a task as people and the voice model write it: {@code 2026-12-24 19:00},
 * {@code 2026/12/24}, {@code 2026年12月24日 19:30}, {@code 12月24日(水) 午後7時半}, {@code 24日 10時}, {@code
 * 明日 9:00}, ISO 8601 with {@code T} and an offset, in full-width or kanji digits. A date without a
 * year is the next one on or after the reference day (the day the task was created), and a weekday
 * is ignored. Of several dates the first counts. Never throws: text it cannot read comes back as
 * {@code VAGUE} when it speaks of dates or times at all, else (and when longer than {@value
 * #MAX_LENGTH} characters) as {@code NOT_A_DATE}.
 */
final class StartDatetimes {
  private static final Pattern ISO =
      Pattern.compile(
          "(\\d{4}-\\d{2}-\\d{2})[t ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)"
              + "\\s*(z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern YMD =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)\\s*日?");
  private static final Pattern MD =
      Pattern.compile("(?<![\\d./-])(\\d{1,2})\\s*(?:/|月)\\s*(\\d{1,2})(?![\\d/])\\s*日?");
  private static final Pattern DAY =
      Pattern.compile("(?<![\\d月/])(\\d{1,2})\\s*日(?!\\s*(?:後|間|以内|前|ぶり))");
  private static final Pattern RELATIVE =
      Pattern.compile("明後日|あさって|明日|あした|今日|本日|きょう|tomorrow|today");
  private static final Pattern TIME =
      Pattern.compile(
          "(午前|午後|朝|昼|夕方|夕|夜|晩|深夜)?\\s*(?<!\\d)(\\d{1,2})\\s*"
              + "(?::\\s*(\\d{2})|時\\s*(?:(\\d{1,2})\\s*分|(半))?|(?=\\s*[ap]\\.?m(?![a-z])))"
              + "(?:\\s*([ap])\\.?m(?![a-z])\\.?)?");
  private static final Pattern WEEKDAY =
      Pattern.compile("\\(\\s*[月火水木金土日](?:曜日?)?\\s*\\)|[月火水木金土日]曜日?");

  /** Longer text is not a start but a note: not read, so a listing never parses essays. */
  static final int MAX_LENGTH = 200;

  private StartDatetimes() {}

  /**
   * @param reference the day a date without year, month or day is counted from
   */
  static TaskStart read(String text, LocalDate reference, ZoneId zone) {
    if (text == null || text.isBlank()) {
      return TaskStart.of(TaskStart.Kind.EMPTY);
    }
    if (text.length() > MAX_LENGTH) {
      return TaskStart.of(TaskStart.Kind.NOT_A_DATE);
    }
    try {
      String normal = StartText.normalise(text);
      TaskStart start = readNormal(normal, reference, zone);
      if (start != null) {
        return start;
      }
      return TaskStart.of(
          StartText.speaksOfTime(normal) ? TaskStart.Kind.VAGUE : TaskStart.Kind.NOT_A_DATE);
    } catch (DateTimeException | ArithmeticException | IllegalArgumentException e) {
      return TaskStart.of(TaskStart.Kind.IMPOSSIBLE);
    } catch (RuntimeException e) {
      // Reading a stored item must never fail, whatever another writer put there.
      return TaskStart.of(TaskStart.Kind.NOT_A_DATE);
    }
  }

  /** The start, or null when no day is named. */
  private static TaskStart readNormal(String text, LocalDate reference, ZoneId zone) {
    Matcher iso = ISO.matcher(text);
    if (iso.matches()) {
      return iso(iso, zone);
    }
    String rest = WEEKDAY.matcher(text).replaceAll(" ");
    Matcher found;
    LocalDate date;
    if ((found = YMD.matcher(rest)).find()) {
      date = LocalDate.of(number(found, 1), number(found, 2), number(found, 3));
    } else if ((found = MD.matcher(rest)).find()) {
      date = nextMonthDay(number(found, 1), number(found, 2), reference);
    } else if ((found = DAY.matcher(rest)).find()) {
      date = nextDay(number(found, 1), reference);
    } else if ((found = RELATIVE.matcher(rest)).find()) {
      date = reference.plusDays(daysAhead(found.group()));
    } else {
      return null;
    }
    String afterDate = rest.substring(0, found.start()) + " " + rest.substring(found.end());
    LocalTime time = time(afterDate);
    if (time == null) {
      return new TaskStart(TaskStart.Kind.READ, date.atStartOfDay(zone), true);
    }
    return new TaskStart(TaskStart.Kind.READ, date.atTime(time).atZone(zone), false);
  }

  private static TaskStart iso(Matcher iso, ZoneId zone) {
    String text = iso.group(1) + "T" + iso.group(2);
    LocalDateTime local = LocalDateTime.parse(text);
    String offset = iso.group(3);
    if (offset == null) {
      return new TaskStart(TaskStart.Kind.READ, local.atZone(zone), false);
    }
    String colon =
        offset.equals("z")
            ? "Z"
            : offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
    OffsetDateTime at = OffsetDateTime.parse(text + colon);
    return new TaskStart(TaskStart.Kind.READ, at.atZoneSameInstant(zone), false);
  }

  private static LocalDate nextMonthDay(int month, int day, LocalDate reference) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      throw new DateTimeException("no such day");
    }
    // 2月29日 waits for the next leap year; 4月31日 never comes.
    for (int year = reference.getYear(); year <= reference.getYear() + 8; year++) {
      if (day <= java.time.YearMonth.of(year, month).lengthOfMonth()) {
        LocalDate date = LocalDate.of(year, month, day);
        if (!date.isBefore(reference)) {
          return date;
        }
      }
    }
    throw new DateTimeException("no such day");
  }

  private static LocalDate nextDay(int day, LocalDate reference) {
    if (day < 1 || day > 31) {
      throw new DateTimeException("no such day");
    }
    LocalDate month = reference.withDayOfMonth(1);
    for (int i = 0; i < 12; i++, month = month.plusMonths(1)) {
      if (day <= month.lengthOfMonth() && !month.withDayOfMonth(day).isBefore(reference)) {
        return month.withDayOfMonth(day);
      }
    }
    throw new DateTimeException("no such day");
  }

  private static int daysAhead(String word) {
    return switch (word) {
      case "明後日", "あさって" -> 2;
      case "明日", "あした", "tomorrow" -> 1;
      default -> 0;
    };
  }

  /** The first time of day in the text: {@code 19:30}, {@code 午後7時半}, {@code 7pm}, {@code 正午}. */
  private static LocalTime time(String text) {
    Matcher found = TIME.matcher(text);
    if (!found.find()) {
      return text.contains("正午") || text.contains("noon") ? LocalTime.NOON : null;
    }
    int hour = number(found, 2);
    int minute =
        found.group(3) != null
            ? number(found, 3)
            : found.group(4) != null ? number(found, 4) : found.group(5) != null ? 30 : 0;
    String period = found.group(1) != null ? found.group(1) : found.group(6);
    if (hour > 12 && period != null && !period.equals("深夜")) {
      period = null; // "午後19時": the 24-hour number already says it
    }
    if (period != null) {
      hour =
          switch (period) {
            case "午後", "夕方", "夕", "夜", "晩", "p" -> hour < 12 ? hour + 12 : hour;
            case "昼" -> hour < 6 ? hour + 12 : hour;
            case "午前", "朝", "a" -> hour == 12 ? 0 : hour;
            default -> hour;
          };
    }
    return LocalTime.of(hour, minute);
  }

  private static int number(Matcher matcher, int group) {
    return Integer.parseInt(matcher.group(group));
  }
}
