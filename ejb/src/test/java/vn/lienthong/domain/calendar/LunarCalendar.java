package vn.lienthong.domain.calendar;

import java.time.LocalDate;

/**
 * The Vietnamese lunar calendar (âm lịch), computed with Hồ Ngọc Đức's astronomical algorithm (new
 * moons and the sun's longitude after Jean Meeus, "Astronomical Algorithms") at UTC+7, the meridian
 * Vietnam's calendar has used since 1968. It is why Tết sometimes falls a day before China's
 * (UTC+8). Test scope only: the checked-in holiday file is the source of truth, this recomputes its
 * lunar days to check them.
 */
final class LunarCalendar {
  /** Vietnam's calendar meridian: 105° E, UTC+7. */
  private static final double TIME_ZONE = 7.0;

  /** Julian day number of 1970-01-01 (the JD of its noon). */
  private static final long JDN_OF_EPOCH = 2_440_588L;

  private static final String[] CAN = {
    "Canh", "Tân", "Nhâm", "Quý", "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ"
  };
  private static final String[] CHI = {
    "Thân", "Dậu", "Tuất", "Hợi", "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi"
  };

  private LunarCalendar() {}

  /**
   * A lunar date: day, month (1–12), the lunar year it belongs to, and whether the month is leap.
   */
  record LunarDate(int day, int month, int year, boolean leap) {}

  /** The solar date of a day of a (non-leap) lunar month. */
  static LocalDate toSolar(int lunarDay, int lunarMonth, int lunarYear) {
    long a11;
    long b11;
    if (lunarMonth < 11) {
      a11 = lunarMonth11(lunarYear - 1);
      b11 = lunarMonth11(lunarYear);
    } else {
      a11 = lunarMonth11(lunarYear);
      b11 = lunarMonth11(lunarYear + 1);
    }
    long k = (long) Math.floor(0.5 + (a11 - 2415021.076998695) / 29.530588853);
    int off = lunarMonth - 11;
    if (off < 0) {
      off += 12;
    }
    if (b11 - a11 > 365) {
      // a leap year of 13 months: months from the leap one on sit one further
      int leapOff = leapMonthOffset(a11);
      if (off >= leapOff) {
        off += 1;
      }
    }
    long monthStart = newMoonDay(k + off);
    return fromJdn(monthStart + lunarDay - 1);
  }

  /** The lunar date of a solar date. */
  static LunarDate toLunar(LocalDate date) {
    long dayNumber = jdn(date);
    long k = (long) Math.floor((dayNumber - 2415021.076998695) / 29.530588853);
    long monthStart = newMoonDay(k + 1);
    if (monthStart > dayNumber) {
      monthStart = newMoonDay(k);
    }
    int yy = date.getYear();
    long a11 = lunarMonth11(yy);
    long b11 = a11;
    int lunarYear;
    if (a11 >= monthStart) {
      lunarYear = yy;
      a11 = lunarMonth11(yy - 1);
    } else {
      lunarYear = yy + 1;
      b11 = lunarMonth11(yy + 1);
    }
    int lunarDay = (int) (dayNumber - monthStart + 1);
    int diff = (int) Math.floor((monthStart - a11) / 29.0);
    boolean leap = false;
    int lunarMonth = diff + 11;
    if (b11 - a11 > 365) {
      int leapMonthDiff = leapMonthOffset(a11);
      if (diff >= leapMonthDiff) {
        lunarMonth = diff + 10;
        leap = diff == leapMonthDiff;
      }
    }
    if (lunarMonth > 12) {
      lunarMonth -= 12;
    }
    if (lunarMonth >= 11 && diff < 4) {
      lunarYear -= 1;
    }
    return new LunarDate(lunarDay, lunarMonth, lunarYear, leap);
  }

  /** The first day of the lunar year (mùng 1 Tết) that begins in the solar year. */
  static LocalDate tet(int year) {
    return toSolar(1, 1, year);
  }

  /** Giỗ Tổ Hùng Vương, the 10th day of the 3rd lunar month (not of a leap 3rd month). */
  static LocalDate hungKings(int year) {
    return toSolar(10, 3, year);
  }

  /** The year's name in the sexagenary cycle, e.g. 2026 → "Bính Ngọ". */
  static String yearName(int lunarYear) {
    return CAN[Math.floorMod(lunarYear, 10)] + " " + CHI[Math.floorMod(lunarYear, 12)];
  }

  private static long jdn(LocalDate date) {
    return date.toEpochDay() + JDN_OF_EPOCH;
  }

  private static LocalDate fromJdn(long jdn) {
    return LocalDate.ofEpochDay(jdn - JDN_OF_EPOCH);
  }

  /** The day (local, UTC+7) of the k-th new moon after the one of 1900-01-01. */
  private static long newMoonDay(long k) {
    double t = k / 1236.85;
    double t2 = t * t;
    double t3 = t2 * t;
    double dr = Math.PI / 180;
    double jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * Math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
    double m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    double mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    double f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    double c1 = (0.1734 - 0.000393 * t) * Math.sin(m * dr) + 0.0021 * Math.sin(2 * dr * m);
    c1 -= 0.4068 * Math.sin(mpr * dr) + 0.0161 * Math.sin(dr * 2 * mpr);
    c1 -= 0.0004 * Math.sin(dr * 3 * mpr);
    c1 += 0.0104 * Math.sin(dr * 2 * f) - 0.0051 * Math.sin(dr * (m + mpr));
    c1 -= 0.0074 * Math.sin(dr * (m - mpr)) + 0.0004 * Math.sin(dr * (2 * f + m));
    c1 -= 0.0004 * Math.sin(dr * (2 * f - m)) - 0.0006 * Math.sin(dr * (2 * f + mpr));
    c1 += 0.0010 * Math.sin(dr * (2 * f - mpr)) + 0.0005 * Math.sin(dr * (2 * mpr + m));
    double deltaT;
    if (t < -11) {
      deltaT = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3;
    } else {
      deltaT = -0.000278 + 0.000265 * t + 0.000262 * t2;
    }
    double jdNew = jd1 + c1 - deltaT;
    return (long) Math.floor(jdNew + 0.5 + TIME_ZONE / 24);
  }

  /** The sun's longitude at the start of the day, as one of 12 sectors of 30° (0 = 0°–30°). */
  private static int sunLongitudeSector(long jdn) {
    double t = (jdn - 2451545.5 - TIME_ZONE / 24) / 36525;
    double t2 = t * t;
    double dr = Math.PI / 180;
    double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.sin(dr * m);
    dl += (0.019993 - 0.000101 * t) * Math.sin(dr * 2 * m) + 0.000290 * Math.sin(dr * 3 * m);
    double l = (l0 + dl) * dr;
    l = l - Math.PI * 2 * Math.floor(l / (Math.PI * 2));
    return (int) Math.floor(l / Math.PI * 6);
  }

  /** The first day of the 11th lunar month (the one holding the winter solstice) of a year. */
  private static long lunarMonth11(int year) {
    long off = jdn(LocalDate.of(year, 12, 31)) - 2415021;
    long k = (long) Math.floor(off / 29.530588853);
    long nm = newMoonDay(k);
    if (sunLongitudeSector(nm) >= 9) {
      nm = newMoonDay(k - 1);
    }
    return nm;
  }

  /**
   * Which month after the 11th is the leap one: the first with no principal solar term (trung khí),
   * i.e. the sun stays in one sector from its start to the next month's.
   */
  private static int leapMonthOffset(long a11) {
    long k = (long) Math.floor((a11 - 2415021.076998695) / 29.530588853 + 0.5);
    int i = 1;
    int arc = sunLongitudeSector(newMoonDay(k + i));
    int last;
    do {
      last = arc;
      i++;
      arc = sunLongitudeSector(newMoonDay(k + i));
    } while (arc != last && i < 14);
    return i - 1;
  }
}
