package io.yardstick.forecast;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.YardstickException;
import io.yardstick.kpi.SettingsFile;
import io.yardstick.yaml.YamlTree;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code forecast} section of the settings file (docs/forecasting.md, "Settings"): the public
 * holiday calendar of each channel or queue, and the dated events a calendar cannot know (closures,
 * campaigns). Every forecast uses it: the command line, the API, the Forecast page and the daily
 * scheduled forecast.
 *
 * <pre>{@code
 * forecast:
 *   holidays: {default: ES, phone: ES-CT, phone/billing: ES-CT}   # or one code for every series
 *   holidays_closed: false
 *   events:
 *     - {name: Christmas closure, kind: closure, from: 2026-12-24, to: 2026-12-26}
 *     - {name: Black Friday, kind: campaign, date: 2026-11-27, multiplier: 1.8, channels: [chat]}
 *     - {name: Spring sale, kind: campaign, date: 2027-03-15}   # learnt from past "Spring sale" days
 * }</pre>
 *
 * @param holidays calendar code by series key ({@code channel} or {@code channel/queue}), {@code
 *     default} for every series not named
 * @param holidaysClosed whether the centre is closed on the calendar's holidays (forecast as 0)
 * @param events the dated events, in the file's order
 */
public record ForecastSettings(
    Map<String, String> holidays, boolean holidaysClosed, List<Event> events) {

  /** The key of {@link #holidays} that applies to every series not named. */
  public static final String DEFAULT = "default";

  /** The most events the section may list. */
  public static final int MAX_EVENTS = 1000;

  /** The longest event, in days. */
  public static final int MAX_EVENT_DAYS = 366;

  /** The largest campaign multiplier. */
  public static final double MAX_MULTIPLIER = 100;

  /** What an event does to the days it covers. */
  public enum Kind {
    /** The centre is closed: past days are not learnt from, future ones are forecast as 0. */
    CLOSURE,
    /**
     * A campaign: past days are not learnt from; future ones are an ordinary day times the
     * multiplier, or times how past events of the same name compared with their weekdays.
     */
    CAMPAIGN;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A dated event.
   *
   * @param name its name (campaigns without a multiplier learn from past events of the same name,
   *     compared case-insensitively)
   * @param from its first local day
   * @param to its last local day (inclusive)
   * @param multiplier a campaign's factor on an ordinary day, or null (learnt from the past)
   * @param channels the series it applies to ({@code channel}: the channel and its queues; {@code
   *     channel/queue}: that queue); empty for every series
   */
  public record Event(
      String name,
      Kind kind,
      LocalDate from,
      LocalDate to,
      Double multiplier,
      List<String> channels) {
    public Event {
      channels = List.copyOf(channels);
    }

    /** Whether the event covers a day. */
    public boolean covers(LocalDate day) {
      return !day.isBefore(from) && !day.isAfter(to);
    }

    /** Whether the event applies to the series of a channel (and queue, or null). */
    public boolean appliesTo(String channel, String queue) {
      if (channels.isEmpty()) return true;
      for (String c : channels) {
        if (c.equals(channel) || (queue != null && c.equals(channel + "/" + queue))) return true;
      }
      return false;
    }
  }

  public ForecastSettings {
    holidays = Map.copyOf(holidays);
    events = List.copyOf(events);
  }

  /** No calendar, no events: what the product does without a {@code forecast} section. */
  public static ForecastSettings none() {
    return new ForecastSettings(Map.of(), false, List.of());
  }

  /**
   * The calendar of a series: the one named for {@code channel/queue}, else for the channel, else
   * {@link #DEFAULT}, else null.
   */
  public String holidaysFor(String channel, String queue) {
    if (queue != null && holidays.containsKey(channel + "/" + queue))
      return holidays.get(channel + "/" + queue);
    if (holidays.containsKey(channel)) return holidays.get(channel);
    return holidays.get(DEFAULT);
  }

  /** The events that apply to the series of a channel (and queue, or null). */
  public List<Event> eventsFor(String channel, String queue) {
    return events.stream().filter(e -> e.appliesTo(channel, queue)).toList();
  }

  /**
   * The request as these settings complete it: a request without a calendar takes the series'
   * calendar of the settings (and {@code holidays_closed}); a calendar given in the request wins.
   */
  public ForecastRequest complete(ForecastRequest r) {
    if (r.holidays() != null) return r;
    String code = holidaysFor(r.channel(), r.queue());
    if (code == null) return r;
    return r.withHolidays(code, r.holidaysClosed() || holidaysClosed);
  }

  /** Reads {@code forecast} of a settings file's tree; the rest of the file is not looked at. */
  public static ForecastSettings read(YamlTree tree) {
    JsonNode root = tree.root();
    SettingsFile.Reader reader = new SettingsFile.Reader(tree);
    JsonNode section = root == null || root.isNull() ? null : reader.section(root, "forecast");
    if (section == null) return none();
    reader.onlyKeys(section, "forecast", "holidays", "holidays_closed", "events");
    Map<String, String> holidays = new LinkedHashMap<>();
    JsonNode h = section.get("holidays");
    if (h != null && !h.isNull()) {
      if (h.isTextual()) {
        holidays.put(DEFAULT, calendar(reader, "forecast.holidays", h));
      } else if (h.isObject()) {
        for (Map.Entry<String, JsonNode> e : h.properties()) {
          String key = "forecast.holidays." + e.getKey();
          series(reader, key, e.getKey(), h);
          holidays.put(e.getKey(), calendar(reader, key, e.getValue()));
        }
      } else {
        throw reader.fail(
            "forecast.holidays",
            h,
            "a holiday calendar such as ES-CT, or a map of channels (phone, phone/billing or"
                + " default) to calendars");
      }
    }
    boolean closed = false;
    JsonNode c = section.get("holidays_closed");
    if (c != null && !c.isNull()) {
      if (!c.isBoolean()) throw reader.fail("forecast.holidays_closed", c, "true or false");
      closed = c.asBoolean();
    }
    List<Event> events = new ArrayList<>();
    JsonNode list = section.get("events");
    if (list != null && !list.isNull()) {
      if (!list.isArray() || list.size() > MAX_EVENTS) {
        throw reader.fail(
            "forecast.events",
            list,
            "a list of at most " + MAX_EVENTS + " events, each with name, kind and date (or from)");
      }
      for (int i = 0; i < list.size(); i++) {
        events.add(event(reader, YamlTree.item("forecast.events", i), list.get(i)));
      }
    }
    return new ForecastSettings(holidays, closed, events);
  }

  private static Event event(SettingsFile.Reader reader, String key, JsonNode n) {
    reader.requireMap(n, key, "an event: a map with name, kind and date (or from and to)");
    reader.onlyKeys(n, key, "name", "kind", "date", "from", "to", "multiplier", "channels");
    JsonNode nameNode = n.get("name");
    String name = nameNode == null || !nameNode.isTextual() ? "" : nameNode.asText().strip();
    if (name.isEmpty() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)) {
      throw reader.fail(key + ".name", nameNode, "a name of 1 to 128 characters on one line");
    }
    Kind kind = reader.choice(n.get("kind"), key + ".kind", Kind.class);
    LocalDate from;
    LocalDate to;
    if (n.has("date")) {
      if (n.has("from") || n.has("to")) {
        throw reader.fail(
            key + ".date", n.get("date"), "either date (one day) or from and to, not both");
      }
      from = date(reader, key + ".date", n.get("date"));
      to = from;
    } else if (n.has("from")) {
      from = date(reader, key + ".from", n.get("from"));
      to = n.has("to") ? date(reader, key + ".to", n.get("to")) : from;
      if (to.isBefore(from)) {
        throw reader.fail(key + ".to", n.get("to"), "a day on or after from (" + from + ")");
      }
      if (to.toEpochDay() - from.toEpochDay() + 1 > MAX_EVENT_DAYS) {
        throw reader.fail(
            key + ".to",
            n.get("to"),
            "at most " + MAX_EVENT_DAYS + " days after from (" + from + ")");
      }
    } else {
      throw reader.fail(key + ".date", null, "the event's day, YYYY-MM-DD (or from and to)");
    }
    Double multiplier = null;
    JsonNode m = n.get("multiplier");
    if (m != null && !m.isNull()) {
      if (kind != Kind.CAMPAIGN) {
        throw reader.fail(
            key + ".multiplier", m, "no multiplier: a closure is forecast as 0 (kind: campaign)");
      }
      if (!m.isNumber() || !(m.asDouble() > 0) || m.asDouble() > MAX_MULTIPLIER) {
        throw reader.fail(
            key + ".multiplier",
            m,
            "a number above 0 and at most "
                + (int) MAX_MULTIPLIER
                + " (1.5: half as many contacts again as an ordinary day)");
      }
      multiplier = m.asDouble();
    }
    List<String> channels = new ArrayList<>();
    JsonNode ch = n.get("channels");
    if (ch != null && !ch.isNull()) {
      if (!ch.isArray() || ch.isEmpty()) {
        throw reader.fail(
            key + ".channels", ch, "a list of channels (phone) or queues (phone/billing)");
      }
      for (int i = 0; i < ch.size(); i++) {
        String k = YamlTree.item(key + ".channels", i);
        JsonNode c = ch.get(i);
        if (!c.isTextual()) throw reader.fail(k, c, "a channel (phone) or a queue (phone/billing)");
        series(reader, k, c.asText(), c);
        channels.add(c.asText().strip());
      }
    }
    return new Event(name, kind, from, to, multiplier, channels);
  }

  private static final Set<Character> NOT_IN_SERIES = Set.of(',', ' ', '\t');

  /** A series key: a channel, or channel/queue, each non-blank. */
  private static void series(SettingsFile.Reader reader, String key, String s, JsonNode n) {
    String[] parts = s.strip().split("/", -1);
    boolean ok = parts.length <= 2 && !s.isBlank() && s.length() <= 256;
    for (String p : parts) ok &= !p.isBlank();
    for (char ch : s.strip().toCharArray()) ok &= !NOT_IN_SERIES.contains(ch);
    if (!ok) throw reader.fail(key, n, "a channel (phone) or a queue of a channel (phone/billing)");
  }

  private static String calendar(SettingsFile.Reader reader, String key, JsonNode n) {
    if (!n.isTextual() || n.asText().isBlank()) {
      throw reader.fail(key, n, "a holiday calendar: a country code, optionally with its region");
    }
    try {
      return Holidays.check(n.asText());
    } catch (YardstickException e) {
      throw new SettingsFile.SettingsException(
          reader.prefix(key) + e.getMessage().replace("{holidays}", key));
    }
  }

  private static LocalDate date(SettingsFile.Reader reader, String key, JsonNode n) {
    try {
      if (n != null && n.isTextual()) return LocalDate.parse(n.asText().strip());
    } catch (DateTimeParseException e) {
      // the message below
    }
    throw reader.fail(key, n, "a day, YYYY-MM-DD");
  }
}
