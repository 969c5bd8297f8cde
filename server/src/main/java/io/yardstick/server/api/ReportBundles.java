package io.yardstick.server.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.yardstick.report.ReportText;
import io.yardstick.report.Schedule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of reports: the pages' message bundles (web/i18n/LANG.json), English overlaid with the
 * language, so a PDF says what the pages say. Used by the API and the command line.
 */
public final class ReportBundles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, ReportText> TEXTS = new ConcurrentHashMap<>();

  private ReportBundles() {}

  /** The report text of a language (en, es, ca, ro); another language is refused with the list. */
  public static ReportText text(String language) {
    String lang = language == null || language.isBlank() ? "en" : language.strip();
    if (!Schedule.LANGUAGES.contains(lang)) {
      throw new io.yardstick.YardstickException(
          "'" + language + "' is not a {language} of reports; expected en, es," + " ca or ro.");
    }
    return TEXTS.computeIfAbsent(
        lang,
        l -> {
          Map<String, String> m = new HashMap<>(read("en"));
          if (!l.equals("en")) m.putAll(read(l));
          return new ReportText(l, m);
        });
  }

  private static Map<String, String> read(String lang) {
    try (InputStream in =
        ReportBundles.class.getResourceAsStream(
            "/io/yardstick/server/web/i18n/" + lang + ".json")) {
      if (in == null)
        throw new IllegalStateException("The message bundle " + lang + ".json is missing.");
      return JSON.readValue(in, new TypeReference<Map<String, String>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
