package io.yardstick.settings;

import io.yardstick.goal.GoalSettings;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.kpi.SettingsFile;
import io.yardstick.kpi.SettingsFile.SettingsException;
import io.yardstick.yaml.YamlTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything the settings file says (docs/settings.md), read once and handed to the server and to
 * every command: KPI definitions, benchmarks, business hours, limits, privacy and retention ({@link
 * #kpi()}), goals ({@link #goals()}), and any later section ({@link #get(Section)}).
 *
 * <pre>{@code
 * Settings settings = Settings.resolve(option);          // --settings, else $YARDSTICK_SETTINGS, else ./yardstick.yaml
 * KpiEngine engine = new KpiEngine(store, settings.kpi());
 * int fiscal = settings.goals().fiscalYearStartMonth();
 * }</pre>
 *
 * <p><b>A new section</b> is a reader in its feature's package, {@code static MySettings
 * read(YamlTree tree)}, that reads its top-level keys with {@link SettingsFile.Reader} (errors then
 * name the file, line, column and key), and one line in {@link #SECTIONS}. An unknown top-level key
 * is refused with the closest known one.
 */
public final class Settings {
  /**
   * One part of the settings file: the top-level keys it owns, its value when the file is absent,
   * and its reader.
   *
   * @param name what {@link #get(Section)} knows it by
   */
  public record Section<T>(
      String name, List<String> keys, Supplier<T> defaults, Function<YamlTree, T> reader) {
    public Section {
      keys = List.copyOf(keys);
    }
  }

  /** Keys kpi, benchmarks, business_hours, limits, privacy and retention: {@link KpiSettings}. */
  public static final Section<KpiSettings> KPI =
      new Section<>("kpi", SettingsFile.KEYS, KpiSettings::defaults, SettingsFile::read);

  /** Key goals: {@link GoalSettings}. */
  public static final Section<GoalSettings> GOALS =
      new Section<>("goals", List.of("goals"), GoalSettings::defaults, GoalSettings::read);

  /** Key sla_policies: the SLA policies tickets are measured by (docs/sla.md). */
  public static final Section<io.yardstick.sla.SlaEvaluator> SLA =
      new Section<>(
          "sla",
          List.of("sla_policies"),
          io.yardstick.sla.SlaSettings::none,
          io.yardstick.sla.SlaSettings::read);

  /**
   * Key sso: single sign-on through an OpenID Connect provider, empty when off (docs/security.md).
   */
  public static final Section<Optional<io.yardstick.user.SsoSettings>> SSO =
      new Section<>(
          "sso",
          List.of("sso"),
          Optional::empty,
          tree -> io.yardstick.user.SsoSettings.read(tree, System.getenv()));

  /** Key surveys: the surveys sent after contacts (docs/surveys.md). */
  public static final Section<io.yardstick.survey.SurveySettings> SURVEYS =
      new Section<>(
          "surveys",
          List.of("surveys"),
          io.yardstick.survey.SurveySettings::defaults,
          io.yardstick.survey.SurveySettings::read);

  /** Key labels: the names of queues, topics, teams... in each language of the pages. */
  public static final Section<Labels> LABELS =
      new Section<>("labels", List.of("labels"), Labels::none, Labels::read);

  /** Key forecast: holiday calendars per channel or queue, closures and campaigns. */
  public static final Section<io.yardstick.forecast.ForecastSettings> FORECAST =
      new Section<>(
          "forecast",
          List.of("forecast"),
          io.yardstick.forecast.ForecastSettings::none,
          io.yardstick.forecast.ForecastSettings::read);

  /**
   * Every section, in the order the keys are listed in messages. A new section is one line here.
   */
  static final List<Section<?>> SECTIONS = List.of(KPI, GOALS, SLA, SSO, SURVEYS, LABELS, FORECAST);

  private final Path file;
  private final String fingerprint;
  private final Map<String, Object> values;

  private Settings(Path file, String fingerprint, Map<String, Object> values) {
    this.file = file;
    this.fingerprint = fingerprint;
    this.values = Map.copyOf(values);
  }

  /** Every section's defaults: what Yardstick does without a settings file. */
  public static Settings defaults() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Section<?> s : SECTIONS) values.put(s.name(), s.defaults().get());
    return new Settings(null, "built-in defaults", values);
  }

  /**
   * The settings in force: the file named by the option when given (not blank), else the file named
   * by {@value SettingsFile#ENV}, else {@value SettingsFile#DEFAULT_FILE} in the working directory
   * if it exists, else the defaults.
   */
  public static Settings resolve(String optionPath) {
    return resolve(optionPath, System.getenv(), Path.of(""));
  }

  /**
   * {@link #resolve(String)} with the environment and the working directory given (for tests and
   * embedding).
   */
  public static Settings resolve(
      String optionPath, Map<String, String> env, Path workingDirectory) {
    return SettingsFile.locate(optionPath, env, workingDirectory)
        .map(Settings::load)
        .orElseGet(Settings::defaults);
  }

  /** The settings of a file: the defaults with whatever the file says. */
  public static Settings load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new SettingsException(
          "settings file " + file + " cannot be read: " + e.getMessage(), e);
    }
    return parse(
        new String(bytes, java.nio.charset.StandardCharsets.UTF_8),
        file.toString(),
        file,
        sha256(bytes));
  }

  /**
   * The settings of a YAML text.
   *
   * @param source how messages name the text (the file's path)
   */
  public static Settings parse(String yaml, String source) {
    return parse(
        yaml, source, null, sha256(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static Settings parse(String yaml, String source, Path file, String fingerprint) {
    YamlTree tree;
    try {
      tree = YamlTree.parse(source, yaml, YamlTree.Scalars.TYPED);
    } catch (YamlTree.SyntaxException e) {
      throw new SettingsException(
          "settings file "
              + source
              + " is not valid YAML"
              + e.location().map(l -> " at " + l).orElse("")
              + ": "
              + e.problem()
              + "; see docs/settings.md",
          e);
    }
    var root = tree.root();
    if (root != null && !root.isMissingNode() && !root.isNull()) {
      List<String> keys = new ArrayList<>();
      SECTIONS.forEach(s -> keys.addAll(s.keys()));
      if (!root.isObject()) {
        throw new SettingsFile.Reader(tree)
            .fail("(top level)", root, "a map with the keys " + String.join(", ", keys));
      }
      new SettingsFile.Reader(tree).onlyKeys(root, "", keys.toArray(String[]::new));
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Section<?> s : SECTIONS) {
      values.put(
          s.name(),
          root == null || root.isNull() || root.isMissingNode()
              ? s.defaults().get()
              : s.reader().apply(tree));
    }
    return new Settings(file, fingerprint, values);
  }

  /** KPI definitions, benchmarks, business hours, limits, privacy and retention. */
  public KpiSettings kpi() {
    return get(KPI);
  }

  /** The goals' settings (the fiscal year). */
  public GoalSettings goals() {
    return get(GOALS);
  }

  /** A section's value. */
  @SuppressWarnings("unchecked")
  public <T> T get(Section<T> section) {
    Object v = values.get(section.name());
    if (v == null) throw new IllegalArgumentException("no settings section " + section.name());
    return (T) v;
  }

  /** These settings with one section replaced (tests, embedding). */
  public <T> Settings with(Section<T> section, T value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(section.name(), java.util.Objects.requireNonNull(value));
    return new Settings(file, fingerprint, copy);
  }

  /** These settings with other KPI settings. */
  public Settings withKpi(KpiSettings kpi) {
    return with(KPI, kpi);
  }

  /** The file read, empty for the defaults or a text. */
  public Optional<Path> file() {
    return Optional.ofNullable(file);
  }

  /**
   * {@code sha256:} and the hex digest of the bytes read, or {@code built-in defaults}: what the
   * audit log records.
   */
  public String fingerprint() {
    return fingerprint;
  }

  private static String sha256(byte[] bytes) {
    try {
      return "sha256:"
          + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
