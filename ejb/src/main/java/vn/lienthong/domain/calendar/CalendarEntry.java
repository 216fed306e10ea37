package vn.lienthong.domain.calendar;

import java.time.LocalDate;

/** One line of the holiday file: a day, what it is, for which holiday, on what authority. */
record CalendarEntry(LocalDate date, Kind kind, String name, Source source, String note) {

  /** What the day is. */
  enum Kind {
    /**
     * A public holiday's own day (Bộ luật Lao động 2019 điều 112 khoản 1), listed also when it
     * falls on a weekend, so the file reads like the law.
     */
    HOLIDAY("lễ", true),
    /**
     * The working day off for a holiday on a weekend: "nghỉ bù vào ngày làm việc kế tiếp" (điều 111
     * khoản 3).
     */
    COMPENSATORY_DAY_OFF("nghỉ bù", true),
    /** A working day given off to join a holiday to a weekend (hoán đổi ngày làm việc). */
    SWAPPED_DAY_OFF("hoán đổi", true),
    /** The weekend day worked instead of a swapped day off (ngày làm bù): a working day. */
    SWAPPED_WORKING_DAY("làm bù", false);

    private final String label;
    private final boolean dayOff;

    Kind(String label, boolean dayOff) {
      this.label = label;
      this.dayOff = dayOff;
    }

    /** The word the file uses. */
    String label() {
      return label;
    }

    boolean dayOff() {
      return dayOff;
    }
  }

  /** On what authority the day is listed. */
  enum Source {
    /** Derived from the Labour Code's rules alone: no government decision known (baseline). */
    LAW("luật"),
    /** As the government decided for that year (Thủ tướng, khoản 3 điều 112). */
    DECISION("quyết định");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }
}
