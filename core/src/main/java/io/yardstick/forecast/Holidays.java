package io.yardstick.forecast;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import io.yardstick.YardstickException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Public holidays of a country or one of its regions, from Jollyday (de.focus-shift:jollyday-core,
 * maintained, over 70 countries with their subdivisions), not from a hand-written table.
 *
 * <p>A calendar code is an ISO 3166 country code, optionally followed by its subdivision: {@code
 * ES}, {@code ES-CT} (Catalonia: national holidays and Catalan ones, such as 11 September and 26
 * December), {@code RO}, {@code US-NY}. Only public holidays count (not bank holidays or
 * observances).
 */
public final class Holidays {
  private Holidays() {}

  /**
   * The public holidays of {@code code} from {@code from} to {@code to} (inclusive), by date, with
   * their names.
   */
  public static Map<LocalDate, String> between(String code, LocalDate from, LocalDate to) {
    String[] parts = code.strip().split("-", 2);
    String country = parts[0].toUpperCase(Locale.ROOT);
    if (!HolidayManager.getSupportedCalendarCodes().contains(country)) {
      throw new YardstickException(
          "Holiday calendar '"
              + code
              + "' is unknown: give {holidays} as a country code"
              + " such as ES, RO or US, optionally with a region (ES-CT, US-NY).");
    }
    HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country));
    String[] args = new String[0];
    if (parts.length == 2) {
      CalendarHierarchy h = manager.getCalendarHierarchy();
      String region =
          h.getChildren().keySet().stream()
              .filter(k -> k.equalsIgnoreCase(parts[1]))
              .findFirst()
              .orElse(null);
      args = new String[] {region};
      if (region == null) {
        throw new YardstickException(
            "Holiday calendar '"
                + code
                + "': "
                + country
                + " has no region '"
                + parts[1].toUpperCase(Locale.ROOT)
                + "'; its regions are "
                + String.join(", ", new java.util.TreeSet<>(h.getChildren().keySet()))
                    .toUpperCase(Locale.ROOT)
                + " ({holidays}).");
      }
    }
    Map<LocalDate, String> out = new TreeMap<>();
    for (Holiday d : manager.getHolidays(from, to, HolidayType.PUBLIC_HOLIDAY, args)) {
      out.merge(d.getActualDate(), d.getDescription(Locale.ENGLISH), (a, b) -> a + ", " + b);
    }
    return out;
  }

  /**
   * Whether {@code code} names a calendar Jollyday knows (the error, naming {holidays}, when it
   * does not).
   */
  public static String check(String code) {
    between(code, LocalDate.of(2000, 1, 1), LocalDate.of(2000, 1, 1));
    return code.strip().toUpperCase(Locale.ROOT);
  }
}
