package vn.lienthong.domain.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.lienthong.domain.Text;
import vn.lienthong.domain.calendar.CalendarEntry.Kind;
import vn.lienthong.domain.calendar.CalendarEntry.Source;

/**
 * Reads the holiday file: {@code date,kind,name,source[,note]} a line, {@code #} comment lines and
 * blank lines ignored (the file's header says the rest). A line that does not read is refused with
 * its number, never skipped: a skipped holiday would quietly move every due date across it.
 */
final class HolidayFile {
  private HolidayFile() {}

  static List<CalendarEntry> read(BufferedReader in, String file) throws IOException {
    List<CalendarEntry> entries = new ArrayList<>();
    Map<LocalDate, Integer> lineOfDate = new HashMap<>();
    int number = 0;
    for (String raw = in.readLine(); raw != null; raw = in.readLine()) {
      number++;
      // an editor may save a byte-order mark or decomposed diacritics; both read the same
      String text = Normalizer.normalize(raw.replace("\uFEFF", ""), Normalizer.Form.NFC).strip();
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      Line line = new Line(file, number, text);
      CalendarEntry entry = line.entry();
      Integer earlier = lineOfDate.putIfAbsent(entry.date(), number);
      if (earlier != null) {
        throw line.refused(entry.date() + " is already on line " + earlier);
      }
      entries.add(entry);
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException(file + ": no days listed");
    }
    return List.copyOf(entries);
  }

  static boolean isWeekend(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  private record Line(String file, int number, String text) {
    CalendarEntry entry() {
      String[] fields = text.split(",", 5);
      if (fields.length < 4) {
        throw refused("expected date,kind,name,source[,note]");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(fields[0].strip());
      } catch (DateTimeParseException e) {
        throw refused("not a date (yyyy-MM-dd): '" + fields[0].strip() + "'");
      }
      Kind kind = word(fields[1], "kind", Kind.values(), Kind::label);
      String name = fields[2].strip();
      if (name.isEmpty()) {
        throw refused("no holiday name");
      }
      Source source = word(fields[3], "source", Source.values(), Source::label);
      String note = fields.length == 5 ? fields[4].strip() : "";
      boolean weekend = isWeekend(date);
      // a day off on a weekend, or a worked weekday, would change nothing: a mistyped date
      if ((kind == Kind.COMPENSATORY_DAY_OFF || kind == Kind.SWAPPED_DAY_OFF) && weekend) {
        throw refused(kind.label() + " on a " + date.getDayOfWeek() + " changes nothing");
      }
      if (kind == Kind.SWAPPED_WORKING_DAY && !weekend) {
        throw refused("làm bù on a " + date.getDayOfWeek() + ", not a weekend day");
      }
      // the law itself swaps no working days: only the Prime Minister's yearly decision does
      if ((kind == Kind.SWAPPED_DAY_OFF || kind == Kind.SWAPPED_WORKING_DAY)
          && source != Source.DECISION) {
        throw refused(kind.label() + " needs source '" + Source.DECISION.label() + "'");
      }
      return new CalendarEntry(date, kind, name, source, note);
    }

    /** The constant a word of the file names, read as {@link Text#token} reads words. */
    <E extends Enum<E>> E word(String field, String what, E[] values, Function<E, String> label) {
      String value = field.strip();
      return Text.parse(values[0].getDeclaringClass(), value, e -> Stream.of(label.apply(e)))
          .orElseThrow(
              () ->
                  refused(
                      "unknown "
                          + what
                          + " '"
                          + value
                          + "' "
                          + Arrays.stream(values)
                              .map(label)
                              .collect(Collectors.joining(", ", "(", ")"))));
    }

    IllegalArgumentException refused(String why) {
      return new IllegalArgumentException(file + " line " + number + ": " + why + ": " + text);
    }
  }
}
