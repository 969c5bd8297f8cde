package io.yardstick.calendar;

import io.yardstick.YardstickException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Named business hours: weekly opening windows in local time of a zone, plus holidays on which it
 * stays closed.
 *
 * <p>Business time between two instants is the open time between them: a contact that arrives while
 * closed counts from the next opening, and one answered while closed stops counting at the last
 * closing.
 *
 * <p><b>Local times and daylight saving.</b> A window is open while the local clock of the zone, on
 * the window's date, first runs from {@code open} to {@code close}. Concretely, each local time is
 * turned into an instant like this: a time that does not exist (skipped by a spring-forward change)
 * becomes the instant of the change, the moment the clock jumps past it; a time that happens twice
 * (a fall-back change) takes its first occurrence (the earlier offset). So in Europe/Madrid a
 * window 01:00-04:00 lasts 2 hours on 2026-03-29 and 4 hours on 2026-10-25, a window 02:00-02:30
 * does not open at all on 2026-03-29, and the start of a day is its first instant (as {@link
 * LocalDate#atStartOfDay(ZoneId)}).
 *
 * <p><b>24:00.</b> A window may close at the end of its day, written {@code 24:00}. It is held as a
 * {@code close} of {@link LocalTime#MIDNIGHT} (00:00): as a close, 00:00 always means the end of
 * the day (see {@link Window#closesAtEndOfDay()}), the start of the next date. Windows never cross
 * midnight; split a night shift into 22:00-24:00 on one day and 00:00-06:00 on the next.
 *
 * @param name the calendar's name (as in the settings file, {@code --business-hours NAME})
 * @param zone the zone whose local clock the windows and holidays are in
 * @param weekly the open windows of each day of the week, sorted and not overlapping (windows may
 *     touch); a day that is missing or has no windows is closed
 * @param holidays local dates on which the calendar is closed all day
 */
public record BusinessCalendar(
    String name, ZoneId zone, Map<DayOfWeek, List<Window>> weekly, Set<LocalDate> holidays) {

  private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

  public BusinessCalendar {
    if (name == null || name.isBlank()) {
      throw new YardstickException("a business-hours calendar needs a name");
    }
    if (zone == null) {
      throw new YardstickException("business-hours calendar '" + name + "' needs a zone");
    }
    if (weekly == null) {
      throw new YardstickException("business-hours calendar '" + name + "' needs its weekly hours");
    }
    EnumMap<DayOfWeek, List<Window>> copy = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<DayOfWeek, List<Window>> e : weekly.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new YardstickException(
            "business-hours calendar '" + name + "': a day or its windows is missing");
      }
      List<Window> sorted = new ArrayList<>(e.getValue());
      sorted.sort(Comparator.comparing(Window::open));
      for (int i = 1; i < sorted.size(); i++) {
        Window before = sorted.get(i - 1);
        Window after = sorted.get(i);
        if (before.closesAtEndOfDay() || before.close().isAfter(after.open())) {
          throw new YardstickException(
              "business-hours calendar '"
                  + name
                  + "': on "
                  + dayName(e.getKey())
                  + " the windows "
                  + before
                  + " and "
                  + after
                  + " overlap; give each open time once");
        }
      }
      if (!sorted.isEmpty()) {
        copy.put(e.getKey(), List.copyOf(sorted));
      }
    }
    if (copy.isEmpty()) {
      throw new YardstickException(
          "business-hours calendar '"
              + name
              + "' is never open; give at least one day with opening hours, such as mon-fri: \"09:00-18:00\"");
    }
    weekly = java.util.Collections.unmodifiableMap(copy);
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
  }

  /**
   * A calendar from the textual form of the settings file.
   *
   * @param hours day specifications ({@code mon-fri}, {@code sat}, {@code mon,wed,fri}; see {@link
   *     #parseDays}) to window lists ({@code "09:00-18:00"}, {@code "10:00-14:00, 16:00-18:00"},
   *     {@code closed}; see {@link #parseWindows}); a day may be named once only
   * @throws YardstickException on any bad day, time, window or overlap, with a message naming it
   */
  public static BusinessCalendar parse(
      String name, ZoneId zone, Map<String, String> hours, Collection<LocalDate> holidays) {
    Map<DayOfWeek, List<Window>> weekly = new EnumMap<>(DayOfWeek.class);
    Map<DayOfWeek, String> givenBy = new EnumMap<>(DayOfWeek.class);
    for (Map.Entry<String, String> e : hours.entrySet()) {
      List<Window> windows = parseWindows(e.getValue());
      for (DayOfWeek day : parseDays(e.getKey())) {
        String earlier = givenBy.put(day, e.getKey());
        if (earlier != null) {
          throw new YardstickException(
              "day '"
                  + e.getKey()
                  + "' gives the hours of "
                  + dayName(day)
                  + " again (already given by '"
                  + earlier
                  + "'); name each day once");
        }
        weekly.put(day, windows);
      }
    }
    return new BusinessCalendar(
        name, zone, weekly, holidays == null ? Set.of() : Set.copyOf(holidays));
  }

  /**
   * Days of the week from a specification: a day ({@code mon}, {@code monday}, any case), a range
   * ({@code mon-fri}; a range may wrap round the week, {@code fri-mon} is Friday to Monday), or a
   * comma-separated list of those ({@code mon,wed,fri-sat}).
   */
  public static List<DayOfWeek> parseDays(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new YardstickException(
          "an empty day; expected a day such as mon, a range such as mon-fri, or a list"
              + " such as mon,wed,fri");
    }
    TreeSet<DayOfWeek> days = new TreeSet<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      int dash = p.indexOf('-');
      if (dash < 0) {
        days.add(day(p, spec));
      } else {
        DayOfWeek first = day(p.substring(0, dash), spec);
        DayOfWeek last = day(p.substring(dash + 1), spec);
        for (DayOfWeek d = first; ; d = d.plus(1)) {
          days.add(d);
          if (d == last) {
            break;
          }
        }
      }
    }
    return List.copyOf(days);
  }

  private static DayOfWeek day(String text, String spec) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    for (DayOfWeek d : DayOfWeek.values()) {
      String full = d.name().toLowerCase(Locale.ROOT);
      if (t.length() >= 3 && full.startsWith(t) && (t.length() == 3 || t.equals(full))) {
        return d;
      }
    }
    throw new YardstickException(
        "unknown day name '"
            + text.strip()
            + "' in '"
            + spec
            + "'; expected mon, tue, wed, thu, fri, sat, sun (or the full English names), a range such as mon-fri, or a"
            + " comma-separated list");
  }

  /**
   * Windows from their textual form: {@code "HH:MM-HH:MM"} (seconds {@code HH:MM:SS} allowed),
   * several separated by commas, or {@code closed} (no window). A window closes after it opens;
   * {@code 24:00} closes at the end of the day.
   */
  public static List<Window> parseWindows(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new YardstickException(
          "empty opening hours; expected windows such as \"09:00-18:00\" or"
              + " \"10:00-14:00, 16:00-18:00\", or closed");
    }
    if (spec.strip().equalsIgnoreCase("closed")) {
      return List.of();
    }
    List<Window> windows = new ArrayList<>();
    for (String part : spec.split(",")) {
      String p = part.strip();
      int dash = p.indexOf('-');
      if (dash < 0) {
        throw new YardstickException(
            "opening hours '"
                + p
                + "' are not a window; expected HH:MM-HH:MM such as"
                + " 09:00-18:00");
      }
      LocalTime open = time(p.substring(0, dash), p, false);
      LocalTime close = time(p.substring(dash + 1), p, true);
      windows.add(new Window(open, close));
    }
    return windows;
  }

  private static LocalTime time(String text, String window, boolean close) {
    String t = text.strip();
    if (t.equals("24:00") || t.equals("24:00:00")) {
      if (!close) {
        throw new YardstickException(
            "window '"
                + window
                + "' opens at 24:00; a window opens at 00:00-23:59 (24:00"
                + " may only close a window)");
      }
      return LocalTime.MIDNIGHT;
    }
    if (close && LocalTime.MIDNIGHT.equals(parseTime(t, window))) {
      throw new YardstickException(
          "window '" + window + "' closes at 00:00; write 24:00 for the end of the day");
    }
    return parseTime(t, window);
  }

  private static LocalTime parseTime(String t, String window) {
    try {
      if (!t.matches("\\d{2}:\\d{2}(:\\d{2})?")) {
        throw new DateTimeParseException("pattern", t, 0);
      }
      return LocalTime.parse(t);
    } catch (DateTimeParseException e) {
      throw new YardstickException(
          "'"
              + t
              + "' in window '"
              + window
              + "' is not a time; expected HH:MM such as"
              + " 09:00 (00:00 to 24:00)");
    }
  }

  /** The open windows of a local date (none on holidays and closed days). */
  public List<Window> windows(LocalDate date) {
    if (holidays.contains(date)) {
      return List.of();
    }
    return weekly.getOrDefault(date.getDayOfWeek(), List.of());
  }

  /**
   * The most windows any day of the week has (the engine's fixed number of window columns per day).
   */
  public int maxWindowsPerDay() {
    return weekly.values().stream().mapToInt(List::size).max().orElse(0);
  }

  /**
   * Open seconds in [a, b), 0 when b is not after a. Fractions of a second count (nanosecond
   * precision).
   *
   * <p>This walks the local dates from a's to b's, so its cost grows with the length of the span
   * (about a microsecond a day).
   */
  public double businessSeconds(Instant a, Instant b) {
    if (!b.isAfter(a)) {
      return 0;
    }
    double ea = epochSeconds(a);
    double eb = epochSeconds(b);
    // One day before and after a's and b's dates in the zone: a day's windows lie within [start(d),
    // start(d + 1)).
    LocalDate first = LocalDate.ofInstant(a, zone);
    LocalDate last = LocalDate.ofInstant(b, zone);
    double total = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      for (Window w : windows(d)) {
        double start = w.startEpochSecond(d, zone);
        double end = w.endEpochSecond(d, zone);
        double lo = Math.max(start, ea);
        double hi = Math.min(end, eb);
        if (hi > lo) {
          total += hi - lo;
        }
      }
    }
    return total;
  }

  /**
   * The local dates {@code first..last} (inclusive) with their open windows as epoch seconds and
   * the business seconds before each. Business time at an instant t of day D is {@code B(t) =
   * D.cumulativeBefore() + sum over D.windows() of clamp(epoch(t) - start, 0, end - start)}, and
   * {@code businessSeconds(a, b) == B(b) - B(a)} for instants within [start of first, start of last
   * + 1).
   */
  public List<Day> days(LocalDate first, LocalDate last) {
    if (last.isBefore(first)) {
      throw new YardstickException(
          "business-hours days: last " + last + " is before first " + first);
    }
    List<Day> days = new ArrayList<>();
    double cumulative = 0;
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      List<double[]> windows = new ArrayList<>();
      double open = 0;
      for (Window w : windows(d)) {
        double start = w.startEpochSecond(d, zone);
        double end = w.endEpochSecond(d, zone);
        if (end > start) {
          windows.add(new double[] {start, end});
          open += end - start;
        }
      }
      days.add(new Day(d, cumulative, windows));
      cumulative += open;
    }
    return List.copyOf(days);
  }

  /**
   * The first instant of a local date in the calendar's zone: day D of {@link #days} covers the
   * instants [startOf(D), startOf(D + 1)), which is the same as {@code LocalDate.ofInstant(t,
   * zone()) == D}.
   */
  public Instant startOf(LocalDate date) {
    return instant(date, LocalTime.MIDNIGHT, zone);
  }

  /**
   * The first instant of a local time on a date in a zone: a time skipped by a daylight-saving
   * change becomes the instant of the change, a time that happens twice its first occurrence.
   */
  public static Instant instant(LocalDate date, LocalTime time, ZoneId zone) {
    LocalDateTime local = date.atTime(time);
    ZoneRules rules = zone.getRules();
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.isEmpty()) {
      ZoneOffsetTransition gap = rules.getTransition(local);
      return gap.getInstant();
    }
    // In an overlap the valid offsets are [before, after]; the offset before the change gives the
    // first occurrence.
    ZoneOffset earliest = offsets.get(0);
    for (ZoneOffset o : offsets) {
      if (o.getTotalSeconds() > earliest.getTotalSeconds()) {
        earliest = o;
      }
    }
    return local.toInstant(earliest);
  }

  private static double epochSeconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }

  private static String dayName(DayOfWeek d) {
    String n = d.name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(n.charAt(0)) + n.substring(1);
  }

  /**
   * One local date of {@link #days}.
   *
   * @param date the local date
   * @param cumulativeBefore business seconds from the start of the first date to the start of this
   *     one
   * @param windows the open windows of the date as {@code [start, end)} epoch seconds, in order,
   *     none empty
   */
  public record Day(LocalDate date, double cumulativeBefore, List<double[]> windows) {
    public Day {
      windows = List.copyOf(windows);
    }

    /** Open seconds of this date. */
    public double openSeconds() {
      return windows.stream().mapToDouble(w -> w[1] - w[0]).sum();
    }
  }

  /**
   * An opening window of a day in local time, [open, close). A close of {@link LocalTime#MIDNIGHT}
   * (00:00, written 24:00) means the end of the day; any other close is after open.
   */
  public record Window(LocalTime open, LocalTime close) {
    public Window {
      if (open == null || close == null) {
        throw new YardstickException("a window needs an open and a close time");
      }
      if (!close.equals(LocalTime.MIDNIGHT) && !close.isAfter(open)) {
        throw new YardstickException(
            "window "
                + format(open)
                + "-"
                + format(close)
                + " closes at "
                + format(close)
                + ", not after it opens at "
                + format(open)
                + "; a window may not cross midnight (use 24:00 for the end"
                + " of the day and give the rest to the next day)");
      }
    }

    /** The window from its textual form {@code HH:MM-HH:MM} (24:00 allowed as the close). */
    public static Window parse(String text) {
      List<Window> w = parseWindows(text);
      if (w.size() != 1) {
        throw new YardstickException("'" + text + "' is not one window; expected HH:MM-HH:MM");
      }
      return w.get(0);
    }

    /** Whether the window closes at the end of its day (24:00). */
    public boolean closesAtEndOfDay() {
      return close.equals(LocalTime.MIDNIGHT);
    }

    /** Local seconds of the day it lasts by the clock's face (ignores daylight-saving changes). */
    public long nominalSeconds() {
      long end = closesAtEndOfDay() ? 86_400 : close.toSecondOfDay();
      return end - open.toSecondOfDay();
    }

    Instant start(LocalDate date, ZoneId zone) {
      return instant(date, open, zone);
    }

    Instant end(LocalDate date, ZoneId zone) {
      return closesAtEndOfDay()
          ? instant(date.plusDays(1), LocalTime.MIDNIGHT, zone)
          : instant(date, close, zone);
    }

    double startEpochSecond(LocalDate date, ZoneId zone) {
      return epochSeconds(start(date, zone));
    }

    double endEpochSecond(LocalDate date, ZoneId zone) {
      return epochSeconds(end(date, zone));
    }

    @Override
    public String toString() {
      return format(open) + "-" + (closesAtEndOfDay() ? "24:00" : format(close));
    }

    private static String format(LocalTime t) {
      return t.getSecond() == 0 && t.getNano() == 0 ? t.format(HH_MM) : t.toString();
    }
  }
}
