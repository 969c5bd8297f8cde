package io.yardstick.report;

import io.yardstick.kpi.Kpi;
import io.yardstick.settings.Labels;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words and number formats of a report in one language: the pages' message bundle
 * (web/i18n/LANG.json, whose KPI names and definitions come from the catalog), so that a PDF says
 * what the pages say. The faces load the bundle; the core only formats.
 *
 * <pre>{@code
 * ReportText es = new ReportText("es", bundle);   // bundle: English overlaid with Spanish
 * es.value(Kpi.ABANDONMENT_RATE, 12.345)          // "12,3 %"
 * }</pre>
 */
public final class ReportText {
  private final String language;
  private final Locale locale;
  private final Map<String, String> messages;
  private final Labels labels;

  public ReportText(String language, Map<String, String> messages) {
    this(language, messages, Labels.none());
  }

  private ReportText(String language, Map<String, String> messages, Labels labels) {
    this.language = language;
    this.locale = Locale.forLanguageTag(language);
    this.messages = Map.copyOf(messages);
    this.labels = labels;
  }

  /** The same words with the settings file's names of stored values (its labels section). */
  public ReportText withLabels(Labels labels) {
    return new ReportText(language, messages, labels == null ? Labels.none() : labels);
  }

  /**
   * A stored value of a dimension as the pages show it: its name in the settings file's labels for
   * the language (else the English one), else a channel or direction in the language
   * (channel.email: correo electrónico), else the value as stored.
   *
   * <pre>{@code
   * es.dimValue("channel", "email")  // "correo electrónico"
   * }</pre>
   */
  public String dimValue(String dimension, String value) {
    if (value == null) return null;
    java.util.Optional<String> named = labels.name(dimension, value, language);
    if (named.isPresent()) return named.get();
    String key = dimension + "." + value;
    return messages.getOrDefault(key, value);
  }

  /**
   * A filter in words: {@code channel=email,chat} as "Canal: correo electrónico, chat"; a range or
   * anything else as written.
   */
  public String filter(String filter) {
    int eq = filter.indexOf('=');
    if (eq <= 0 || filter.contains("..")) return filter;
    String dim = filter.substring(0, eq).strip();
    if (!messages.containsKey("dimension." + dim)) return filter;
    List<String> values = new java.util.ArrayList<>();
    for (String v : filter.substring(eq + 1).split(",")) values.add(dimValue(dim, v.strip()));
    return dimension(dim) + ": " + String.join(", ", values);
  }

  public String language() {
    return language;
  }

  public Locale locale() {
    return locale;
  }

  /**
   * The message of a key with its {placeholders} filled from name, value pairs; the key itself when
   * missing.
   */
  public String t(String key, Object... args) {
    String s = messages.getOrDefault(key, key);
    for (int i = 0; i + 1 < args.length; i += 2)
      s = s.replace("{" + args[i] + "}", String.valueOf(args[i + 1]));
    return s;
  }

  /** A dimension's name: Channel, Canal; a customer attribute as it is named in the data. */
  public String dimension(String name) {
    return messages.getOrDefault("dimension." + name, name);
  }

  public String kpiName(Kpi k) {
    return messages.getOrDefault("kpi." + k.id() + ".name", k.displayName());
  }

  public String kpiDefinition(Kpi k) {
    return messages.getOrDefault("kpi." + k.id() + ".definition", k.formula());
  }

  /** A date in words: 1 December 2026, 1 de diciembre de 2026. */
  public String date(LocalDate d) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(d);
  }

  /** The period in words: its name when relative, and its dates. */
  public String period(Period p, LocalDate from, LocalDate to) {
    String dates = t("period.range", "from", date(from), "to", date(to));
    if (p.relative() == null) return dates;
    String name = t("report.period." + p.relative().id());
    if (p.lastYear()) name = t("report.period.lastYear", "period", name);
    return name + ": " + dates;
  }

  /** The zone with its name in the language: Europe/Madrid (Central European Time). */
  public String zone(ZoneId z) {
    String name = z.getDisplayName(java.time.format.TextStyle.FULL, locale);
    return name.equals(z.getId()) ? z.getId() : z.getId() + " (" + name + ")";
  }

  /** A KPI's value in its unit and the language's numbers; "–" without data. */
  public String value(Kpi kpi, Number v) {
    if (v == null) return "–";
    double d = v.doubleValue();
    return switch (kpi.unit()) {
      case COUNT -> whole(v.longValue());
      case PERCENT -> decimals(d, 1) + " %";
      case SECONDS -> duration(d);
      case SCORE -> decimals(d, 1);
      case RATIO -> decimals(d, 2);
      case MONEY -> decimals(d, 2);
    };
  }

  /** A change between two values: +1.5 pp for percentages, +8 s for durations, +12 for counts. */
  public String change(Kpi kpi, Number change) {
    if (change == null) return "–";
    double c = change.doubleValue();
    String sign = c > 0 ? "+" : c < 0 ? "−" : "±";
    double a = Math.abs(c);
    return sign
        + switch (kpi.unit()) {
          case COUNT -> whole(Math.round(a));
          case PERCENT -> decimals(a, 1) + " pp";
          case SECONDS -> duration(a);
          case SCORE -> decimals(a, 1);
          case RATIO -> decimals(a, 2);
          case MONEY -> decimals(a, 2);
        };
  }

  /** The benchmark of a KPI in words, or "–". */
  public String benchmark(Kpi kpi, io.yardstick.kpi.Benchmark b) {
    if (b == null || b.low() == null && b.high() == null) return "–";
    if (b.low() != null && b.high() != null) {
      return t("benchmark.range", "low", value(kpi, b.low()), "high", value(kpi, b.high()));
    }
    if (b.low() != null) return t("benchmark.atLeast", "value", value(kpi, b.low()));
    return t("benchmark.atMost", "value", value(kpi, b.high()));
  }

  public String whole(long v) {
    return NumberFormat.getIntegerInstance(locale).format(v);
  }

  public String decimals(double v, int digits) {
    NumberFormat f = NumberFormat.getNumberInstance(locale);
    f.setMinimumFractionDigits(digits);
    f.setMaximumFractionDigits(digits);
    return f.format(v);
  }

  /**
   * 8.4 s, 38 s, 1 min 8 s, 2 h 5 min, 3 d 4 h, as {@link io.yardstick.kpi.Display#duration} with
   * local decimals.
   */
  public String duration(double seconds) {
    if (seconds < 0) return "−" + duration(-seconds);
    if (seconds < 10) return decimals(seconds, 1) + " s";
    String en = io.yardstick.kpi.Display.duration(seconds);
    return en;
  }
}
