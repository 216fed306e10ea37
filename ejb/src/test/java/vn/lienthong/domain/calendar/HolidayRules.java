package vn.lienthong.domain.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.lienthong.domain.calendar.CalendarEntry.Kind;
import vn.lienthong.domain.calendar.CalendarEntry.Source;
import vn.lienthong.domain.calendar.LunarCalendar.LunarDate;

/**
 * The baseline holidays of a year by the Labour Code's rules alone, when no decision is known: what
 * the holiday file lists with source "luật". Test scope: it checks the file, and its {@link #main}
 * prints a year's lines for a person adding years to it (the file stays the truth).
 */
final class HolidayRules {
  static final String NEW_YEAR = "Tết Dương lịch";
  static final String TET = "Tết Nguyên đán";
  static final String HUNG_KINGS = "Giỗ Tổ Hùng Vương";
  static final String VICTORY = "Ngày Chiến thắng";
  static final String LABOUR = "Ngày Quốc tế lao động";
  static final String NATIONAL = "Quốc khánh";

  private HolidayRules() {}

  /** A holiday's day by law (điều 112 khoản 1), before moving weekend days off. */
  private record Holiday(LocalDate date, String name, String note) {}

  /**
   * The year's entries: each holiday's own day (also on a weekend), then for each one on a weekend,
   * or on a day another holiday already has, the next working day that is no holiday itself (nghỉ
   * bù, điều 111 khoản 3), in date order.
   */
  static List<CalendarEntry> baseline(int year) {
    List<Holiday> holidays = new ArrayList<>();
    holidays.add(new Holiday(LocalDate.of(year, 1, 1), NEW_YEAR, ""));
    // Tết (điểm b): 5 days; the baseline is the lunar year's last day and mùng 1–4 Tết
    LocalDate tet = LunarCalendar.tet(year);
    for (int i = -1; i < 4; i++) {
      LocalDate d = tet.plusDays(i);
      holidays.add(new Holiday(d, TET, lunarNote(d)));
    }
    LocalDate hungKings = LunarCalendar.hungKings(year);
    holidays.add(new Holiday(hungKings, HUNG_KINGS, lunarNote(hungKings)));
    holidays.add(new Holiday(LocalDate.of(year, 4, 30), VICTORY, ""));
    holidays.add(new Holiday(LocalDate.of(year, 5, 1), LABOUR, ""));
    LocalDate national = LocalDate.of(year, 9, 2);
    LocalDate adjacent = nationalDayNeighbour(national);
    holidays.add(new Holiday(national, NATIONAL, ""));
    holidays.add(new Holiday(adjacent, NATIONAL, "ngày liền kề"));
    holidays.sort(Comparator.comparing(Holiday::date));

    Set<LocalDate> holidayDates = new HashSet<>();
    holidays.forEach(h -> holidayDates.add(h.date()));
    List<CalendarEntry> entries = new ArrayList<>();
    Set<LocalDate> off = new HashSet<>();
    for (Holiday h : holidays) {
      entries.add(new CalendarEntry(h.date(), Kind.HOLIDAY, h.name(), Source.LAW, h.note()));
      if (!HolidayFile.isWeekend(h.date()) && off.add(h.date())) {
        continue;
      }
      LocalDate d = h.date().plusDays(1);
      while (HolidayFile.isWeekend(d) || holidayDates.contains(d) || off.contains(d)) {
        d = d.plusDays(1);
      }
      off.add(d);
      entries.add(
          new CalendarEntry(
              d,
              Kind.COMPENSATORY_DAY_OFF,
              h.name(),
              Source.LAW,
              "cho "
                  + weekday(h.date())
                  + " "
                  + h.date().getDayOfMonth()
                  + "/"
                  + h.date().getMonthValue()));
    }
    entries.sort(Comparator.comparing(CalendarEntry::date));
    return entries;
  }

  /**
   * Quốc khánh's second day (điểm đ: "01 ngày liền kề trước hoặc sau", the Prime Minister's
   * choice): the baseline takes the one that joins the break to a weekend, as the decisions of
   * 2021–2025 did. 2/9 on a Wednesday joins neither: 1/9, the day before, for want of a reason.
   */
  static LocalDate nationalDayNeighbour(LocalDate september2) {
    return switch (september2.getDayOfWeek()) {
      case MONDAY, THURSDAY, SUNDAY -> september2.plusDays(1);
      case TUESDAY, WEDNESDAY, FRIDAY, SATURDAY -> september2.minusDays(1);
    };
  }

  private static String lunarNote(LocalDate d) {
    LunarDate l = LunarCalendar.toLunar(d);
    String month =
        switch (l.month()) {
          case 1 -> "tháng Giêng";
          case 12 -> "tháng Chạp";
          default -> "tháng " + l.month();
        };
    String day = l.day() <= 10 && l.month() == 1 ? "mùng " + l.day() : String.valueOf(l.day());
    return day + " " + month + (l.leap() ? " nhuận" : "") + " " + LunarCalendar.yearName(l.year());
  }

  private static String weekday(LocalDate d) {
    return switch (d.getDayOfWeek()) {
      case MONDAY -> "thứ Hai";
      case TUESDAY -> "thứ Ba";
      case WEDNESDAY -> "thứ Tư";
      case THURSDAY -> "thứ Năm";
      case FRIDAY -> "thứ Sáu";
      case SATURDAY -> "thứ Bảy";
      case SUNDAY -> "Chủ nhật";
    };
  }

  static String line(CalendarEntry e) {
    String line = e.date() + "," + e.kind().label() + "," + e.name() + "," + e.source().label();
    return e.note().isEmpty() ? line : line + "," + e.note();
  }

  /** Prints the baseline lines of the given years (default 2025–2035) for the holiday file. */
  public static void main(String[] args) {
    int first = args.length > 0 ? Integer.parseInt(args[0]) : 2025;
    int last = args.length > 1 ? Integer.parseInt(args[1]) : 2035;
    for (int y = first; y <= last; y++) {
      System.out.println();
      System.out.println("# " + y);
      baseline(y).forEach(e -> System.out.println(line(e)));
    }
  }
}
