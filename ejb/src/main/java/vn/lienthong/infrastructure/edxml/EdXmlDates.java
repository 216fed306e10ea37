package vn.lienthong.infrastructure.edxml;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dates of edXML. Written in one form: dates {@code yyyy/MM/dd}, timestamps {@code yyyy/MM/dd
 * HH:mm:ss} in Vietnam's time (UTC+7, no daylight saving since 1975), as the VNPT library and the
 * official samples write them. Read in the forms the implementations write: year first ({@code
 * 2026/12/02}, {@code 2026-12-02}) or day first ({@code 02/12/2026}, Bkav's form), optionally
 * followed by a time ({@code 09:15}, {@code 09:15:30}, fractions, after a space or {@code T}) and
 * an offset ({@code Z}, {@code +07:00}); without an offset the time is Vietnam's. A date ignores a
 * time after it; a timestamp without a time is at midnight.
 */
final class EdXmlDates {
  static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");

  private static final Pattern YEAR_FIRST =
      Pattern.compile("(\\d{4})([/-])(\\d{1,2})\\2(\\d{1,2})(.*)", Pattern.DOTALL);
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})(.*)", Pattern.DOTALL);
  private static final Pattern TIME =
      Pattern.compile(
          "(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
              + " ?(Z|[+-]\\d{2}:?\\d{2})?");

  private EdXmlDates() {}

  static String formatDate(LocalDate date) {
    return DATE.format(date);
  }

  static String formatTimestamp(Instant instant) {
    return TIMESTAMP.format(instant.atOffset(VIETNAM));
  }

  static LocalDate parseDate(String text, String element) {
    return parse(text, element, "ngày dạng yyyy/MM/dd").toLocalDate();
  }

  static Instant parseTimestamp(String text, String element) {
    return parse(text, element, "thời điểm dạng yyyy/MM/dd HH:mm:ss").toInstant();
  }

  private static OffsetDateTime parse(String text, String element, String expected) {
    String t = text.strip();
    Matcher m = YEAR_FIRST.matcher(t);
    int year;
    int month;
    int day;
    if (m.matches()) {
      year = Integer.parseInt(m.group(1));
      month = Integer.parseInt(m.group(3));
      day = Integer.parseInt(m.group(4));
    } else {
      m = DAY_FIRST.matcher(t);
      if (!m.matches()) {
        throw invalid(t, element, expected);
      }
      day = Integer.parseInt(m.group(1));
      month = Integer.parseInt(m.group(3));
      year = Integer.parseInt(m.group(4));
    }
    Matcher time = TIME.matcher(m.group(5));
    if (!time.matches()) {
      throw invalid(t, element, expected);
    }
    try {
      LocalTime clock = LocalTime.MIDNIGHT;
      if (time.group(1) != null) {
        int seconds = time.group(3) == null ? 0 : Integer.parseInt(time.group(3));
        int nanos = 0;
        if (time.group(4) != null) {
          String fraction = (time.group(4) + "00000000").substring(0, 9);
          nanos = Integer.parseInt(fraction);
        }
        clock =
            LocalTime.of(
                Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)), seconds, nanos);
      }
      ZoneOffset offset = VIETNAM;
      String zone = time.group(5);
      if (zone != null) {
        offset = zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(normalizeOffset(zone));
      }
      return LocalDateTime.of(LocalDate.of(year, month, day), clock).atOffset(offset);
    } catch (DateTimeException e) {
      throw invalid(t, element, expected);
    }
  }

  private static String normalizeOffset(String zone) {
    return zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
  }

  private static EdXmlException invalid(String text, String element, String expected) {
    String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
    return new EdXmlException(
        "phần tử " + element + " phải là " + expected + ", không phải \"" + shown + "\"");
  }
}
