package vn.lienthong.domain.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The working days and hours of state officials (cán bộ, công chức), for due dates and overdue
 * flags counted in working days (Decree 30/2020/NĐ-CP) and the hours a document may sit
 * unregistered. Immutable.
 *
 * <p>A working day is Monday to Friday, except the days off the holiday file lists (holidays, their
 * nghỉ bù, swapped days off), plus the weekend days it lists as worked (làm bù). The file says the
 * actual days, so this class knows no holiday rule for the years it covers ({@link
 * #coveredYears()}).
 *
 * <p>Outside the covered years only the solar holidays are known, because they need no lunar
 * calendar and no decision: 1/1, 30/4, 1/5 and 2/9 (Bộ luật Lao động 2019 điều 112 khoản 1), each
 * on a weekend moved to the next working day (điều 111 khoản 3). Tết, Giỗ Tổ Hùng Vương, Quốc
 * khánh's second day and any swap are unknown there, so such a year has more working days than it
 * will really have: a due date computed into it may come early, never late. Nothing is logged (a
 * pure domain object); callers that care ask {@link #coveredYears()}.
 */
public final class WorkingCalendar {
  /** Vietnam's time: UTC+7, no daylight saving since 1975. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  /*
   * Office hours: 8 hours a day, 40 a week (Quyết định 188/1999/QĐ-TTg; Bộ luật Lao động 2019
   * điều 105 caps the normal day at 8 hours). 08:00–12:00 and 13:00–17:00 is the usual schedule;
   * a province may set its own (some open at 07:30), which would change these four constants.
   */
  public static final LocalTime MORNING_START = LocalTime.of(8, 0);
  public static final LocalTime MORNING_END = LocalTime.of(12, 0);
  public static final LocalTime AFTERNOON_START = LocalTime.of(13, 0);
  public static final LocalTime AFTERNOON_END = LocalTime.of(17, 0);

  /** The holiday file on the classpath. */
  public static final String RESOURCE = "/calendar/vn-holidays.csv";

  private static final List<Shift> SHIFTS =
      List.of(new Shift(MORNING_START, MORNING_END), new Shift(AFTERNOON_START, AFTERNOON_END));

  /** The holidays with a fixed solar date (điều 112 khoản 1 a, c, d, đ): known for any year. */
  private static final List<MonthDay> SOLAR_HOLIDAYS =
      List.of(MonthDay.of(1, 1), MonthDay.of(4, 30), MonthDay.of(5, 1), MonthDay.of(9, 2));

  /** The days off of the solar holidays, per year outside the covered ones: a pure function. */
  private static final Map<Integer, Set<LocalDate>> SOLAR_DAYS_OFF = new ConcurrentHashMap<>();

  private static volatile WorkingCalendar vietnam;

  private final Years coveredYears;
  private final Set<LocalDate> daysOff;
  private final Set<LocalDate> workedWeekendDays;

  /** The years whose holidays the calendar knows in full, first to last inclusive. */
  public record Years(int first, int last) {
    public Years {
      if (last < first) {
        throw new IllegalArgumentException("no years from " + first + " to " + last);
      }
    }

    public boolean contains(int year) {
      return year >= first && year <= last;
    }

    public boolean contains(LocalDate date) {
      return contains(date.getYear());
    }
  }

  private record Shift(LocalTime start, LocalTime end) {}

  private WorkingCalendar(
      Years coveredYears, Set<LocalDate> daysOff, Set<LocalDate> workedWeekendDays) {
    this.coveredYears = coveredYears;
    this.daysOff = Set.copyOf(daysOff);
    this.workedWeekendDays = Set.copyOf(workedWeekendDays);
  }

  /**
   * The calendar of Vietnam's state officials, from {@value #RESOURCE}. Loaded once; a file that
   * does not read fails every call with the same message naming the line.
   */
  public static WorkingCalendar vietnam() {
    WorkingCalendar calendar = vietnam;
    if (calendar == null) {
      synchronized (WorkingCalendar.class) {
        calendar = vietnam;
        if (calendar == null) {
          calendar = load();
          vietnam = calendar;
        }
      }
    }
    return calendar;
  }

  private static WorkingCalendar load() {
    InputStream in = WorkingCalendar.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("holiday file " + RESOURCE + " is not on the classpath");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(reader, RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("holiday file " + RESOURCE + " unreadable", e);
    }
  }

  /**
   * A calendar from a holiday file (the format {@value #RESOURCE}'s header describes). It covers
   * the first to the last year the file lists, each year between listed too.
   *
   * @param file the file's name, for messages
   * @throws IllegalArgumentException naming the line that does not read, or the missing year
   */
  public static WorkingCalendar read(Reader in, String file) throws IOException {
    BufferedReader lines = in instanceof BufferedReader b ? b : new BufferedReader(in);
    List<CalendarEntry> entries = HolidayFile.read(lines, file);
    TreeSet<Integer> years =
        entries.stream()
            .map(e -> e.date().getYear())
            .collect(Collectors.toCollection(TreeSet::new));
    Years covered = new Years(years.first(), years.last());
    for (int y = covered.first(); y <= covered.last(); y++) {
      if (!years.contains(y)) {
        // a year with no line would be a year with no Tết: refuse rather than guess
        throw new IllegalArgumentException(
            String.format(
                "%s: nothing listed for %d, between %s and %s",
                file, y, years.first(), years.last()));
      }
    }
    Set<LocalDate> off = new HashSet<>();
    Set<LocalDate> worked = new HashSet<>();
    for (CalendarEntry e : entries) {
      if (e.kind().dayOff()) {
        off.add(e.date());
      } else {
        worked.add(e.date());
      }
    }
    return new WorkingCalendar(covered, off, worked);
  }

  /**
   * A calendar with the given days for the covered years (tests, or a unit's own calendar). Within
   * those years the given days are all it knows, no rule adds one; outside them it knows the solar
   * holidays, as {@link #vietnam()} does.
   *
   * @param daysOff the days off within {@code covered}: holidays, nghỉ bù, swapped days off
   * @param workedWeekendDays the Saturdays (or Sundays) worked within {@code covered} (làm bù)
   * @throws IllegalArgumentException for a day outside {@code covered} or in both sets
   */
  public static WorkingCalendar of(
      Years covered, Set<LocalDate> daysOff, Set<LocalDate> workedWeekendDays) {
    Objects.requireNonNull(covered, "covered");
    for (LocalDate d : daysOff) {
      requireCovered(covered, d);
      if (workedWeekendDays.contains(d)) {
        throw new IllegalArgumentException(d + " is both a day off and worked");
      }
    }
    for (LocalDate d : workedWeekendDays) {
      requireCovered(covered, d);
    }
    return new WorkingCalendar(covered, daysOff, workedWeekendDays);
  }

  private static void requireCovered(Years covered, LocalDate d) {
    if (!covered.contains(d)) {
      throw new IllegalArgumentException(d + " is outside the covered years " + covered);
    }
  }

  /** The years whose holidays are known in full; other years know the solar holidays only. */
  public Years coveredYears() {
    return coveredYears;
  }

  /** Whether officials work that day: Monday–Friday except days off, plus worked weekend days. */
  public boolean isWorkingDay(LocalDate date) {
    Objects.requireNonNull(date, "date");
    boolean weekend = HolidayFile.isWeekend(date);
    if (coveredYears.contains(date)) {
      return weekend ? workedWeekendDays.contains(date) : !daysOff.contains(date);
    }
    return !weekend && !solarDaysOff(date.getYear()).contains(date);
  }

  /**
   * The day {@code days} working days after {@code start}, {@code start} itself not counted: "reply
   * within 5 working days of arrival" is {@code addWorkingDays(arrival, 5)}. With 0, {@code start}
   * if it is a working day, else the next working day.
   */
  public LocalDate addWorkingDays(LocalDate start, int days) {
    Objects.requireNonNull(start, "start");
    if (days < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + days);
    }
    LocalDate d = start;
    if (days == 0) {
      while (!isWorkingDay(d)) {
        d = d.plusDays(1);
      }
      return d;
    }
    for (int counted = 0; counted < days; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) {
        counted++;
      }
    }
    return d;
  }

  /** The working days in ({@code from}, {@code to}]: 0 if {@code to} is not after {@code from}. */
  public int workingDaysBetween(LocalDate from, LocalDate to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    int days = 0;
    for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
      if (isWorkingDay(d)) {
        days++;
      }
    }
    return days;
  }

  /**
   * The office hours between two instants: only the hours between {@link #MORNING_START} and {@link
   * #MORNING_END} and between {@link #AFTERNOON_START} and {@link #AFTERNOON_END} of working days,
   * in {@link #ZONE}. Zero if {@code to} is not after {@code from}.
   */
  public Duration workingTimeBetween(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Duration total = Duration.ZERO;
    if (!to.isAfter(from)) {
      return total;
    }
    LocalDate last = to.atZone(ZONE).toLocalDate();
    for (LocalDate d = from.atZone(ZONE).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      for (Shift shift : SHIFTS) {
        Instant start = latest(from, at(d, shift.start()));
        Instant end = earliest(to, at(d, shift.end()));
        if (end.isAfter(start)) {
          total = total.plus(Duration.between(start, end));
        }
      }
    }
    return total;
  }

  /**
   * The earliest instant by which {@code amount} of office hours have passed since {@code start}
   * ({@link #workingTimeBetween} from {@code start} to it is {@code amount}): 4 hours from Friday
   * 15:00 is Monday 11:00, and an amount that ends a shift ends at 12:00 or 17:00, not at the next
   * shift's start. Zero gives {@code start}.
   */
  public Instant addWorkingTime(Instant start, Duration amount) {
    Objects.requireNonNull(start, "start");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("working time must not be negative: " + amount);
    }
    Duration remaining = amount;
    if (remaining.isZero()) {
      return start;
    }
    for (LocalDate d = start.atZone(ZONE).toLocalDate(); ; d = d.plusDays(1)) {
      if (!isWorkingDay(d)) {
        continue;
      }
      for (Shift shift : SHIFTS) {
        Instant from = latest(start, at(d, shift.start()));
        Instant end = at(d, shift.end());
        if (!end.isAfter(from)) {
          continue;
        }
        Duration available = Duration.between(from, end);
        if (remaining.compareTo(available) <= 0) {
          return from.plus(remaining);
        }
        remaining = remaining.minus(available);
      }
    }
  }

  /** {@link #addWorkingTime} in whole hours: the sender's "unregistered for N working hours". */
  public Instant addWorkingHours(Instant start, long hours) {
    if (hours < 0) {
      throw new IllegalArgumentException("working hours must not be negative: " + hours);
    }
    return addWorkingTime(start, Duration.ofHours(hours));
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(ZONE).toInstant();
  }

  private static Instant latest(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  /**
   * The solar holidays' days off of a year: each on its weekday, or, on a weekend, the next weekday
   * that is no holiday itself nor taken (điều 111 khoản 3). 30/4 on a Sunday moves past Monday 1/5
   * to Tuesday.
   */
  private static Set<LocalDate> solarDaysOff(int year) {
    return SOLAR_DAYS_OFF.computeIfAbsent(
        year,
        y -> {
          Set<LocalDate> holidays = new HashSet<>();
          for (MonthDay md : SOLAR_HOLIDAYS) {
            holidays.add(md.atYear(y));
          }
          Set<LocalDate> off = new HashSet<>();
          for (MonthDay md : SOLAR_HOLIDAYS) {
            LocalDate d = md.atYear(y);
            if (HolidayFile.isWeekend(d)) {
              d = d.plusDays(1);
              while (HolidayFile.isWeekend(d) || holidays.contains(d) || off.contains(d)) {
                d = d.plusDays(1);
              }
            }
            off.add(d);
          }
          return Set.copyOf(off);
        });
  }
}
