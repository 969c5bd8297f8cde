package io.yardstick.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * One local day in the zone: its bounds and the instant (epoch second) each local hour starts, so
 * that local times stay right on the 23- and 25-hour days of daylight saving time.
 */
final class DayPlan {
  final int index;
  final LocalDate date;
  final long start;
  final long end;

  /**
   * hour[h] is the epoch second of local h:00 (h = 0..23; a skipped hour maps to the next);
   * hour[24] = end.
   */
  final long[] hour = new long[25];

  final boolean weekend;
  final boolean holiday;

  DayPlan(int index, LocalDate date, ZoneId zone, boolean holiday) {
    this.index = index;
    this.date = date;
    this.start = date.atStartOfDay(zone).toEpochSecond();
    this.end = date.plusDays(1).atStartOfDay(zone).toEpochSecond();
    for (int h = 0; h < 24; h++) {
      hour[h] =
          Math.max(start, LocalDateTime.of(date, LocalTime.of(h, 0)).atZone(zone).toEpochSecond());
    }
    hour[24] = end;
    DayOfWeek dow = date.getDayOfWeek();
    this.weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
    this.holiday = holiday;
  }

  /** A random second in local hour {@code h}, within the day. */
  long at(int h, SplittableRandom r) {
    return Math.min(end - 1, Math.max(start, hour[h] + r.nextInt(3600)));
  }

  /**
   * When the e-mail and social desk opens: 08:00 on working days, 10:00 on weekends and holidays.
   */
  long deskOpens() {
    return weekend || holiday ? hour[10] : hour[8];
  }

  /**
   * When the e-mail and social desk closes: 20:00 on working days, 18:00 on weekends and holidays.
   */
  long deskCloses() {
    return weekend || holiday ? hour[18] : hour[20];
  }
}
