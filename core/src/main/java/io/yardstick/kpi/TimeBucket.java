package io.yardstick.kpi;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One time bucket of a period in the report zone, clipped to the period: its local start (the key
 * SQL also computes with {@code date_trunc} on local time), its instants and its local days.
 * Labels: hour {@code 2026-03-29T02:00}, day {@code 2026-03-29}, week {@code 2026-W13} (ISO), month
 * {@code 2026-03}. On the autumn daylight-saving day the repeated local hour is one bucket of two
 * hours; on the spring day the skipped hour has no bucket.
 */
public record TimeBucket(
    Dimension.TimeUnit unit,
    LocalDateTime localStart,
    Instant start,
    Instant end,
    LocalDate firstDay,
    LocalDate lastDay) {

  /**
   * The local start as seconds of a UTC clock, the form SQL returns for {@code EXTRACT(EPOCH FROM
   * local)}.
   */
  public long key() {
    return localStart.toEpochSecond(ZoneOffset.UTC);
  }

  public String label() {
    return label(unit, localStart);
  }

  public static String label(Dimension.TimeUnit unit, LocalDateTime localStart) {
    return switch (unit) {
      case HOUR ->
          localStart.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:00", Locale.ROOT));
      case DAY -> localStart.toLocalDate().toString();
      case WEEK ->
          String.format(
              Locale.ROOT,
              "%d-W%02d",
              localStart.get(IsoFields.WEEK_BASED_YEAR),
              localStart.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> localStart.format(DateTimeFormatter.ofPattern("yyyy-MM", Locale.ROOT));
    };
  }

  /** The label of the bucket holding a local time. */
  public static String labelOf(Dimension.TimeUnit unit, LocalDateTime local) {
    return label(unit, truncate(unit, local));
  }

  /** The local start of the bucket holding a local time. */
  public static LocalDateTime truncate(Dimension.TimeUnit unit, LocalDateTime t) {
    return switch (unit) {
      case HOUR -> t.withMinute(0).withSecond(0).withNano(0);
      case DAY -> t.toLocalDate().atStartOfDay();
      case WEEK ->
          t.toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).atStartOfDay();
      case MONTH -> t.toLocalDate().withDayOfMonth(1).atStartOfDay();
    };
  }

  /** Parses a label back to the local start of its bucket. */
  public static LocalDateTime parse(Dimension.TimeUnit unit, String label) {
    return switch (unit) {
      case HOUR -> LocalDateTime.parse(label);
      case DAY -> LocalDate.parse(label).atStartOfDay();
      case WEEK ->
          LocalDate.of(Integer.parseInt(label.substring(0, 4)), 6, 1)
              .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Long.parseLong(label.substring(6)))
              .with(DayOfWeek.MONDAY)
              .atStartOfDay();
      case MONTH -> LocalDate.parse(label + "-01").atStartOfDay();
    };
  }

  /**
   * The buckets covering the local dates from..to in a zone, in order, each clipped to the period.
   */
  public static List<TimeBucket> of(
      Dimension.TimeUnit unit, LocalDate from, LocalDate to, ZoneId zone) {
    List<TimeBucket> buckets = new ArrayList<>();
    LocalDateTime periodEnd = to.plusDays(1).atStartOfDay();
    LocalDateTime cursor = truncate(unit, from.atStartOfDay());
    while (cursor.isBefore(periodEnd)) {
      LocalDateTime next =
          switch (unit) {
            case HOUR -> cursor.plusHours(1);
            case DAY -> cursor.plusDays(1);
            case WEEK -> cursor.plusWeeks(1);
            case MONTH -> cursor.plusMonths(1);
          };
      LocalDateTime s = cursor.isBefore(from.atStartOfDay()) ? from.atStartOfDay() : cursor;
      LocalDateTime e = next.isAfter(periodEnd) ? periodEnd : next;
      boolean skipped =
          unit == Dimension.TimeUnit.HOUR && zone.getRules().getValidOffsets(s).isEmpty();
      if (!skipped) {
        Instant start =
            ZonedDateTime.ofLocal(s, zone, null).withEarlierOffsetAtOverlap().toInstant();
        Instant end = ZonedDateTime.ofLocal(e, zone, null).withEarlierOffsetAtOverlap().toInstant();
        buckets.add(
            new TimeBucket(
                unit, cursor, start, end, s.toLocalDate(), e.minusNanos(1).toLocalDate()));
      }
      cursor = next;
    }
    return buckets;
  }
}
