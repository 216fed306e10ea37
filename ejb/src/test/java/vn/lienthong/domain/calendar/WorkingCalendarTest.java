package vn.lienthong.domain.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import vn.lienthong.domain.calendar.CalendarEntry.Kind;
import vn.lienthong.domain.calendar.CalendarEntry.Source;

class WorkingCalendarTest {
  private static final WorkingCalendar VN = WorkingCalendar.vietnam();

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  /** A local time in Vietnam, as officials read the clock. */
  private static Instant at(String isoLocal) {
    return LocalDateTime.parse(isoLocal).atZone(WorkingCalendar.ZONE).toInstant();
  }

  @Nested
  class WorkingDays {
    @Test
    void fiveWorkingDaysFromTheThursdayBeforeTet2026LandAfterTheBreak() {
      // Thu 12/2: Fri 13/2 is one, 14–22/2 is the break, then Mon 23 to Thu 26 are two to five
      assertThat(VN.addWorkingDays(day("2026-02-12"), 5)).isEqualTo(day("2026-02-26"));
      assertThat(VN.workingDaysBetween(day("2026-02-12"), day("2026-02-26"))).isEqualTo(5);
      for (LocalDate d = day("2026-02-14"); !d.isAfter(day("2026-02-22")); d = d.plusDays(1)) {
        assertThat(VN.isWorkingDay(d)).as("%s", d).isFalse();
      }
      assertThat(VN.isWorkingDay(day("2026-02-13"))).isTrue();
      assertThat(VN.isWorkingDay(day("2026-02-23"))).isTrue();
    }

    @Test
    void tet2025WasTheFiveWeekdays27To31January() {
      assertThat(VN.addWorkingDays(day("2025-01-24"), 1)).isEqualTo(day("2025-02-03"));
      assertThat(VN.isWorkingDay(day("2025-01-27"))).isFalse();
      assertThat(VN.isWorkingDay(day("2025-02-03"))).isTrue();
    }

    @Test
    void acrossThirtiethOfAprilAndFirstOfMay() {
      // 2026: Thursday and Friday, then the weekend
      assertThat(VN.addWorkingDays(day("2026-04-29"), 1)).isEqualTo(day("2026-05-04"));
      // 2025: Wed 30/4, Thu 1/5 and Fri 2/5 (swapped with Sat 26/4) off
      assertThat(VN.addWorkingDays(day("2025-04-29"), 1)).isEqualTo(day("2025-05-05"));
      assertThat(VN.workingDaysBetween(day("2025-04-25"), day("2025-05-05"))).isEqualTo(4);
    }

    @Test
    void aHolidayOnASundayMovesToMonday() {
      // Giỗ Tổ 2026 is Sunday 26/4: Monday 27/4 off (Bộ luật Lao động 2019 điều 111 khoản 3)
      assertThat(VN.isWorkingDay(day("2026-04-27"))).isFalse();
      assertThat(VN.addWorkingDays(day("2026-04-24"), 1)).isEqualTo(day("2026-04-28"));
      // Tết Dương lịch 2028 is a Saturday: Monday 3/1 off
      assertThat(VN.isWorkingDay(day("2028-01-03"))).isFalse();
      // 30/4/2028 is a Sunday and Monday 1/5 a holiday itself: Tuesday 2/5 off
      assertThat(VN.isWorkingDay(day("2028-05-02"))).isFalse();
      assertThat(VN.addWorkingDays(day("2028-04-28"), 1)).isEqualTo(day("2028-05-03"));
    }

    @Test
    void aSwappedSaturdayIsWorkedAndItsFridayIsNot() {
      // Tết Dương lịch 2026: Friday 2/1 off, worked on Saturday 10/1
      assertThat(VN.isWorkingDay(day("2026-01-02"))).isFalse();
      assertThat(VN.isWorkingDay(day("2026-01-10"))).isTrue();
      assertThat(VN.isWorkingDay(day("2026-01-17"))).isFalse();
      assertThat(VN.addWorkingDays(day("2025-12-31"), 1)).isEqualTo(day("2026-01-05"));
      assertThat(VN.addWorkingDays(day("2026-01-09"), 1)).isEqualTo(day("2026-01-10"));
      assertThat(VN.workingDaysBetween(day("2026-01-04"), day("2026-01-11"))).isEqualTo(6);
      // Quốc khánh 2026: Monday 31/8 off, worked on Saturday 22/8
      assertThat(VN.isWorkingDay(day("2026-08-22"))).isTrue();
      assertThat(VN.addWorkingDays(day("2026-08-28"), 1)).isEqualTo(day("2026-09-03"));
    }

    @Test
    void zeroDaysIsTheStartOrTheNextWorkingDay() {
      assertThat(VN.addWorkingDays(day("2026-03-04"), 0)).isEqualTo(day("2026-03-04"));
      assertThat(VN.addWorkingDays(day("2026-03-07"), 0)).isEqualTo(day("2026-03-09"));
      assertThat(VN.addWorkingDays(day("2026-02-15"), 0)).isEqualTo(day("2026-02-23"));
    }

    @Test
    void aNegativeCountIsRefusedAndAnEmptySpanIsZero() {
      assertThatThrownBy(() -> VN.addWorkingDays(day("2026-03-04"), -1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-1");
      assertThat(VN.workingDaysBetween(day("2026-03-04"), day("2026-03-04"))).isZero();
      assertThat(VN.workingDaysBetween(day("2026-03-05"), day("2026-03-04"))).isZero();
    }

    @Test
    void addingAndCountingAgreeOnEveryDayOfThreeYears() {
      for (LocalDate d = day("2025-01-01"); d.getYear() < 2028; d = d.plusDays(1)) {
        for (int n = 1; n <= 12; n++) {
          LocalDate due = VN.addWorkingDays(d, n);
          assertThat(VN.isWorkingDay(due)).as("%s + %d", d, n).isTrue();
          assertThat(VN.workingDaysBetween(d, due)).as("%s + %d", d, n).isEqualTo(n);
          assertThat(VN.workingDaysBetween(d, due.minusDays(1))).isEqualTo(n - 1);
        }
      }
    }
  }

  @Nested
  class WorkingHours {
    @Test
    void theLunchBreakDoesNotCount() {
      assertThat(VN.workingTimeBetween(at("2026-03-04T11:00"), at("2026-03-04T14:00")))
          .isEqualTo(Duration.ofHours(2));
      assertThat(VN.workingTimeBetween(at("2026-03-04T12:10"), at("2026-03-04T12:50"))).isZero();
      assertThat(VN.workingTimeBetween(at("2026-03-04T07:00"), at("2026-03-04T18:00")))
          .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void theNightAndTheWeekendDoNotCount() {
      assertThat(VN.workingTimeBetween(at("2026-03-04T16:00"), at("2026-03-05T09:00")))
          .isEqualTo(Duration.ofHours(2));
      // Friday 16:00 to Monday 09:30
      assertThat(VN.workingTimeBetween(at("2026-03-06T16:00"), at("2026-03-09T09:30")))
          .isEqualTo(Duration.ofMinutes(150));
      // nor the nine days of Tết 2026
      assertThat(VN.workingTimeBetween(at("2026-02-13T16:00"), at("2026-02-23T09:00")))
          .isEqualTo(Duration.ofHours(2));
      // a swapped Saturday does
      assertThat(VN.workingTimeBetween(at("2026-01-09T16:00"), at("2026-01-12T09:00")))
          .isEqualTo(Duration.ofHours(10));
    }

    @Test
    void instantsAreReadInVietnamsTime() {
      // 01:00 UTC is 08:00 in Vietnam: the start of the day's first shift
      Instant eight = Instant.parse("2026-03-04T01:00:00Z");
      assertThat(VN.workingTimeBetween(eight, Instant.parse("2026-03-04T02:00:00Z")))
          .isEqualTo(Duration.ofHours(1));
      assertThat(VN.workingTimeBetween(Instant.parse("2026-03-03T23:00:00Z"), eight)).isZero();
    }

    @Test
    void addingHoursSkipsBreaksNightsWeekendsAndHolidays() {
      // Friday 15:00 + 4 h: two on Friday, two on Monday morning
      assertThat(VN.addWorkingHours(at("2026-03-06T15:00"), 4)).isEqualTo(at("2026-03-09T10:00"));
      // a shift's end is reached, not skipped to the next shift's start
      assertThat(VN.addWorkingHours(at("2026-03-04T10:00"), 2)).isEqualTo(at("2026-03-04T12:00"));
      assertThat(VN.addWorkingHours(at("2026-03-04T11:30"), 1)).isEqualTo(at("2026-03-04T13:30"));
      assertThat(VN.addWorkingHours(at("2026-03-04T20:00"), 8)).isEqualTo(at("2026-03-05T17:00"));
      assertThat(VN.addWorkingHours(at("2026-03-07T10:00"), 1)).isEqualTo(at("2026-03-09T09:00"));
      // 8 working hours from Thursday 12/2/2026 noon end after Tết
      assertThat(VN.addWorkingHours(at("2026-02-12T12:00"), 8)).isEqualTo(at("2026-02-13T12:00"));
      assertThat(VN.addWorkingHours(at("2026-02-13T13:00"), 8)).isEqualTo(at("2026-02-23T12:00"));
      assertThat(VN.addWorkingTime(at("2026-03-07T10:00"), Duration.ZERO))
          .isEqualTo(at("2026-03-07T10:00"));
      assertThatThrownBy(() -> VN.addWorkingHours(at("2026-03-04T10:00"), -1))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> VN.addWorkingTime(at("2026-03-04T10:00"), Duration.ofMinutes(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addingAndCountingTimeAgree() {
      for (Instant start = at("2026-02-10T07:20"); start.isBefore(at("2026-02-28T00:00")); ) {
        for (long minutes = 0; minutes <= 20 * 60; minutes += 35) {
          Duration amount = Duration.ofMinutes(minutes);
          Instant end = VN.addWorkingTime(start, amount);
          assertThat(VN.workingTimeBetween(start, end))
              .as("%s + %s", start, amount)
              .isEqualTo(amount);
        }
        start = start.plus(Duration.ofMinutes(97));
      }
    }

    @Test
    void anUnregisteredDocumentIsLateAfterItsWorkingHours() {
      // arrived Friday 16:30, 4 working hours allowed: late after Monday 11:30, not before
      Instant arrived = at("2026-03-06T16:30");
      Instant deadline = VN.addWorkingHours(arrived, 4);
      assertThat(deadline).isEqualTo(at("2026-03-09T11:30"));
      Duration allowed = Duration.ofHours(4);
      assertThat(VN.workingTimeBetween(arrived, at("2026-03-09T11:00"))).isLessThan(allowed);
      assertThat(VN.workingTimeBetween(arrived, at("2026-03-09T14:00"))).isGreaterThan(allowed);
    }
  }

  @Nested
  class OutsideTheCoveredYears {
    @Test
    void theFileCovers2025To2035() {
      assertThat(VN.coveredYears()).isEqualTo(new WorkingCalendar.Years(2025, 2035));
      assertThat(VN.coveredYears().contains(day("2035-12-31"))).isTrue();
      assertThat(VN.coveredYears().contains(2036)).isFalse();
      assertThat(WorkingCalendar.vietnam()).isSameAs(VN);
    }

    @Test
    void onlyTheSolarHolidaysAreKnown() {
      assertThat(VN.isWorkingDay(day("2036-01-01"))).isFalse();
      assertThat(VN.isWorkingDay(day("2036-04-30"))).isFalse();
      assertThat(VN.isWorkingDay(day("2036-05-01"))).isFalse();
      assertThat(VN.isWorkingDay(day("2036-09-02"))).isFalse();
      // mùng 1 Tết Bính Thìn is Monday 28/1/2036: unknown without the file, so a working day
      assertThat(LunarCalendar.tet(2036)).isEqualTo(day("2036-01-28"));
      assertThat(VN.isWorkingDay(day("2036-01-28"))).isTrue();
      // and Quốc khánh's second day, the Prime Minister's choice, too
      assertThat(VN.isWorkingDay(day("2036-09-01"))).isTrue();
      assertThat(VN.isWorkingDay(day("2036-09-03"))).isTrue();
      assertThat(VN.isWorkingDay(day("2024-01-01"))).isFalse();
    }

    @Test
    void aSolarHolidayOnAWeekendStillMoves() {
      // 30/4/2023 a Sunday, 1/5 a Monday: the 30th's day off is Tuesday 2/5
      assertThat(VN.isWorkingDay(day("2023-05-01"))).isFalse();
      assertThat(VN.isWorkingDay(day("2023-05-02"))).isFalse();
      assertThat(VN.isWorkingDay(day("2023-05-03"))).isTrue();
      // 30/4/2045 likewise
      assertThat(VN.isWorkingDay(day("2045-05-02"))).isFalse();
    }

    @Test
    void countingRunsAcrossTheEdgeOfTheRange() {
      // Fri 28/12/2035 + 2: Mon 31/12, then Tue 1/1/2036 is a holiday by rule, Wed 2/1
      assertThat(VN.addWorkingDays(day("2035-12-28"), 2)).isEqualTo(day("2036-01-02"));
    }
  }

  @Nested
  class ExplicitDays {
    private final WorkingCalendar calendar =
        WorkingCalendar.of(
            new WorkingCalendar.Years(2040, 2040),
            Set.of(day("2040-03-14"), day("2040-03-15")),
            Set.of(day("2040-03-17")));

    @Test
    void theGivenDaysAreTheCalendar() {
      // Tue 13/3/2040; 14 and 15 off; 16 Fri works; Sat 17 worked
      assertThat(calendar.addWorkingDays(day("2040-03-13"), 2)).isEqualTo(day("2040-03-17"));
      assertThat(calendar.isWorkingDay(day("2040-01-02"))).isTrue();
      // within the covered years the given days are all there is: no 1/1 by rule
      assertThat(calendar.isWorkingDay(day("2040-05-01"))).isTrue();
      assertThat(calendar.isWorkingDay(day("2041-01-01"))).isFalse();
    }

    @Test
    void aDayOutsideTheYearsOrInBothSetsIsRefused() {
      WorkingCalendar.Years y2040 = new WorkingCalendar.Years(2040, 2040);
      assertThatThrownBy(() -> WorkingCalendar.of(y2040, Set.of(day("2041-01-01")), Set.of()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("2041-01-01");
      assertThatThrownBy(
              () -> WorkingCalendar.of(y2040, Set.of(day("2040-03-17")), Set.of(day("2040-03-17"))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("both");
      assertThatThrownBy(() -> new WorkingCalendar.Years(2041, 2040))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  /** The checked-in file against the Labour Code's rules and the lunar calendar. */
  @Nested
  class TheHolidayFile {
    private final List<CalendarEntry> entries = entries();

    private List<CalendarEntry> entries() {
      try (var in =
          new BufferedReader(
              new InputStreamReader(
                  WorkingCalendar.class.getResourceAsStream(WorkingCalendar.RESOURCE),
                  StandardCharsets.UTF_8))) {
        return HolidayFile.read(in, WorkingCalendar.RESOURCE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private List<CalendarEntry> of(int year) {
      return entries.stream().filter(e -> e.date().getYear() == year).toList();
    }

    @Test
    void theLunarCalendarMatchesKnownDates() {
      assertThat(LunarCalendar.tet(2025)).isEqualTo(day("2025-01-29"));
      assertThat(LunarCalendar.tet(2026)).isEqualTo(day("2026-02-17"));
      assertThat(LunarCalendar.tet(2027)).isEqualTo(day("2027-02-06"));
      assertThat(LunarCalendar.tet(2028)).isEqualTo(day("2028-01-26"));
      assertThat(LunarCalendar.tet(2029)).isEqualTo(day("2029-02-13"));
      // Vietnam's Tết 2030 is 2 February: the new moon falls at 23:07 UTC+7, 00:07 in China,
      // whose New Year is the 3rd
      assertThat(LunarCalendar.tet(2030)).isEqualTo(day("2030-02-02"));
      assertThat(LunarCalendar.hungKings(2025)).isEqualTo(day("2025-04-07"));
      assertThat(LunarCalendar.hungKings(2026)).isEqualTo(day("2026-04-26"));
      // 2031 has a leap 3rd month: Giỗ Tổ is in the first
      assertThat(LunarCalendar.hungKings(2031)).isEqualTo(day("2031-04-01"));
      assertThat(LunarCalendar.toLunar(day("2031-04-22")))
          .isEqualTo(new LunarCalendar.LunarDate(1, 3, 2031, true));
      assertThat(LunarCalendar.yearName(2026)).isEqualTo("Bính Ngọ");
    }

    @Test
    void everyYearHasItsTetAndGioToAsComputed() {
      for (int y = 2025; y <= 2035; y++) {
        assertThat(of(y))
            .as("%d", y)
            .contains(entry(of(y), LunarCalendar.tet(y), HolidayRules.TET))
            .contains(entry(of(y), LunarCalendar.hungKings(y), HolidayRules.HUNG_KINGS));
      }
    }

    /** The file's holiday line for that date and name, failing if there is none. */
    private CalendarEntry entry(List<CalendarEntry> year, LocalDate date, String name) {
      return year.stream()
          .filter(e -> e.date().equals(date) && e.kind() == Kind.HOLIDAY && e.name().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no lễ line for " + name + " on " + date));
    }

    @Test
    void baselineHolidaysAreTheLabourCodesRule() {
      int checked = 0;
      for (int y = 2025; y <= 2035; y++) {
        Map<String, List<CalendarEntry>> file = holidaysByName(of(y));
        Map<String, List<CalendarEntry>> rule = holidaysByName(HolidayRules.baseline(y));
        assertThat(file.keySet()).as("%d", y).isEqualTo(rule.keySet());
        for (var holiday : file.entrySet()) {
          // a decided holiday is the decision's; every other must be the rule's, note and all
          if (holiday.getValue().stream().allMatch(e -> e.source() == Source.LAW)) {
            assertThat(holiday.getValue())
                .as("%d %s", y, holiday.getKey())
                .isEqualTo(rule.get(holiday.getKey()));
            checked++;
          }
        }
      }
      // 11 years of 6 holidays, of which 2025's Tết and Quốc khánh, 2026's Tết and Quốc khánh
      // are decided
      assertThat(checked).isEqualTo(11 * 6 - 4);
    }

    private Map<String, List<CalendarEntry>> holidaysByName(List<CalendarEntry> year) {
      return year.stream()
          .filter(e -> e.kind() == Kind.HOLIDAY || e.kind() == Kind.COMPENSATORY_DAY_OFF)
          .collect(Collectors.groupingBy(CalendarEntry::name, TreeMap::new, Collectors.toList()));
    }

    @Test
    void everyYearHasElevenHolidayDaysEachWeekendOneMovedAndEachSwapPaid() {
      for (int y = 2025; y <= 2035; y++) {
        List<CalendarEntry> year = of(y);
        Map<String, Long> days =
            year.stream()
                .filter(e -> e.kind() == Kind.HOLIDAY)
                .collect(Collectors.groupingBy(CalendarEntry::name, Collectors.counting()));
        // điều 112 khoản 1: 1 + 5 + 1 + 1 + 2 + 1 days
        assertThat(days)
            .as("%d", y)
            .isEqualTo(
                Map.of(
                    HolidayRules.NEW_YEAR, 1L,
                    HolidayRules.TET, 5L,
                    HolidayRules.HUNG_KINGS, 1L,
                    HolidayRules.VICTORY, 1L,
                    HolidayRules.LABOUR, 1L,
                    HolidayRules.NATIONAL, 2L));
        long onWeekends =
            year.stream()
                .filter(e -> e.kind() == Kind.HOLIDAY && HolidayFile.isWeekend(e.date()))
                .count();
        assertThat(count(year, Kind.COMPENSATORY_DAY_OFF))
            .as("%d nghỉ bù", y)
            .isEqualTo(onWeekends);
        assertThat(count(year, Kind.SWAPPED_DAY_OFF))
            .as("%d hoán đổi", y)
            .isEqualTo(count(year, Kind.SWAPPED_WORKING_DAY));
      }
    }

    private long count(List<CalendarEntry> year, Kind kind) {
      return year.stream().filter(e -> e.kind() == kind).count();
    }

    @Test
    void theDecisionsOf2025And2026AreAsAnnounced() {
      assertThat(daysOff(day("2025-01-25"), day("2025-02-02")))
          .containsExactly(
              day("2025-01-27"),
              day("2025-01-28"),
              day("2025-01-29"),
              day("2025-01-30"),
              day("2025-01-31"));
      assertThat(VN.isWorkingDay(day("2025-04-26"))).isTrue();
      assertThat(daysOff(day("2025-08-30"), day("2025-09-03")))
          .containsExactly(day("2025-09-01"), day("2025-09-02"));
      assertThat(daysOff(day("2026-02-14"), day("2026-02-22")))
          .containsExactly(
              day("2026-02-16"),
              day("2026-02-17"),
              day("2026-02-18"),
              day("2026-02-19"),
              day("2026-02-20"));
      assertThat(daysOff(day("2026-08-29"), day("2026-09-03")))
          .containsExactly(day("2026-08-31"), day("2026-09-01"), day("2026-09-02"));
    }

    /** The weekdays off between two days, inclusive. */
    private List<LocalDate> daysOff(LocalDate from, LocalDate to) {
      List<LocalDate> off = new ArrayList<>();
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        if (d.getDayOfWeek().compareTo(DayOfWeek.FRIDAY) <= 0 && !VN.isWorkingDay(d)) {
          off.add(d);
        }
      }
      return off;
    }
  }

  @Nested
  class MalformedFiles {
    private static final String GOOD =
        "# a comment\n\n2030-01-01,lễ,Tết Dương lịch,luật\n2030-04-30,lễ,Ngày Chiến thắng,luật\n";

    private WorkingCalendar read(String text) throws IOException {
      return WorkingCalendar.read(new StringReader(text), "test.csv");
    }

    @Test
    void aGoodFileReadsWithCommentsABomAndDecomposedLetters() throws IOException {
      WorkingCalendar calendar =
          read(
              "\uFEFF"
                  + GOOD
                  + "2030-05-01,le\u0302\u0303,Ngày Quốc tế lao động,luật,a note, with a comma\n");
      assertThat(calendar.coveredYears()).isEqualTo(new WorkingCalendar.Years(2030, 2030));
      assertThat(calendar.isWorkingDay(day("2030-05-01"))).isFalse();
      assertThat(calendar.isWorkingDay(day("2030-05-02"))).isTrue();
    }

    @Test
    void eachBadLineIsRefusedNamingItsLine() {
      assertRefused(GOOD + "2030-13-01,lễ,Tết,luật\n", "test.csv line 5", "not a date");
      assertRefused(GOOD + "2030-05-01,lễ,Ngày Quốc tế lao động\n", "line 5", "expected date,kind");
      assertRefused(
          GOOD + "2030-05-01,nghỉ,Ngày Quốc tế lao động,luật\n", "line 5", "unknown kind 'nghỉ'");
      assertRefused(GOOD + "2030-05-01,lễ,,luật\n", "line 5", "no holiday name");
      assertRefused(
          GOOD + "2030-05-01,lễ,Ngày Quốc tế lao động,báo chí\n", "line 5", "unknown source");
      assertRefused(GOOD + "2030-01-01,lễ,Tết Dương lịch,luật\n", "line 5", "already on line 3");
      // Saturday 4/5/2030
      assertRefused(
          GOOD + "2030-05-04,nghỉ bù,Ngày Chiến thắng,luật\n", "line 5", "changes nothing");
      assertRefused(
          GOOD + "2030-05-03,làm bù,Ngày Chiến thắng,quyết định\n", "line 5", "not a weekend day");
      assertRefused(
          GOOD + "2030-05-04,làm bù,Ngày Chiến thắng,luật\n",
          "line 5",
          "needs source 'quyết định'");
    }

    @Test
    void aYearMissingInTheRangeOrAnEmptyFileIsRefused() {
      assertRefused(
          GOOD + "2032-01-01,lễ,Tết Dương lịch,luật\n", "test.csv", "nothing listed for 2031");
      assertRefused("# only comments\n\n", "test.csv", "no days listed");
    }

    private void assertRefused(String text, String where, String why) {
      assertThatThrownBy(() -> read(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(where)
          .hasMessageContaining(why);
    }
  }
}
