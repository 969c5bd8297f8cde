package io.yardstick.survey;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.kpi.SettingsFile.SettingsException;
import io.yardstick.model.SurveyKind;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The surveys' part of the settings file (docs/surveys.md): where the answer page is reached, how
 * long links and addresses live, and the rules that invite customers after a case is solved or a
 * contact answered.
 *
 * <pre>{@code
 * surveys:
 *   base_url: https://support.example.com
 *   rules:
 *     - {name: csat-solved, kind: csat, after: case_solved, delay_minutes: 60, once_per_days: 30}
 * }</pre>
 *
 * @param baseUrl the server's public address, for the links in invitations (null: no e-mail rule
 *     may be given)
 * @param linkLifetime how long an invitation's link can be answered
 * @param changeWindow how long after the first answer it may still be changed
 * @param keepAddress how long an invitation keeps the e-mail address it went to
 * @param lookback triggers older than this are never invited (a new rule does not mail last year's
 *     customers)
 * @param publicRequestsPerMinute requests per client address per minute on the public survey routes
 */
public record SurveySettings(
    String baseUrl,
    Duration linkLifetime,
    Duration changeWindow,
    Duration keepAddress,
    Duration lookback,
    int publicRequestsPerMinute,
    List<Rule> rules) {
  /** The languages of the answer page and of the built-in texts. */
  public static final List<String> LANGUAGES = List.of("en", "es", "ca", "ro");

  public SurveySettings {
    rules = List.copyOf(rules);
  }

  public static SurveySettings defaults() {
    return new SurveySettings(
        null,
        Duration.ofDays(14),
        Duration.ofMinutes(30),
        Duration.ofDays(30),
        Duration.ofHours(24),
        60,
        List.of());
  }

  public SurveySettings withRules(List<Rule> rules) {
    return new SurveySettings(
        baseUrl, linkLifetime, changeWindow, keepAddress, lookback, publicRequestsPerMinute, rules);
  }

  public SurveySettings withBaseUrl(String url) {
    return new SurveySettings(
        url, linkLifetime, changeWindow, keepAddress, lookback, publicRequestsPerMinute, rules);
  }

  public SurveySettings withPublicRequestsPerMinute(int n) {
    return new SurveySettings(baseUrl, linkLifetime, changeWindow, keepAddress, lookback, n, rules);
  }

  public SurveySettings withChangeWindow(Duration window) {
    return new SurveySettings(
        baseUrl, linkLifetime, window, keepAddress, lookback, publicRequestsPerMinute, rules);
  }

  /** What starts an invitation. */
  public enum Trigger {
    /**
     * A case (or a contact without a case) marked resolved: once per case, at its resolution time.
     */
    CASE_SOLVED,
    /** A contact answered by an agent: once per contact, at its answer time. */
    CONTACT_ANSWERED;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One survey rule.
   *
   * @param name unique, a word ({@code csat-solved}); part of every invitation's key
   * @param channels only contacts on these channels (empty: any)
   * @param queues only contacts of these queues (empty: any)
   * @param send {@code email}, {@code link} (given through the API only) or {@code webhook:URL}
   * @param texts per language: {@code subject} and {@code question}, over the built-in texts of
   *     {@link SurveyTexts}
   */
  public record Rule(
      String name,
      SurveyKind kind,
      Trigger after,
      Set<String> channels,
      Set<String> queues,
      Duration delay,
      int oncePerDays,
      String send,
      String defaultLanguage,
      Map<String, Map<String, String>> texts) {
    public Rule {
      channels = Set.copyOf(channels);
      queues = Set.copyOf(queues);
      texts = Map.copyOf(texts);
    }

    /**
     * A rule with the defaults: e-mail, no delay, once per 30 days, English when the customer has
     * no language.
     */
    public static Rule of(String name, SurveyKind kind, Trigger after) {
      return new Rule(
          name, kind, after, Set.of(), Set.of(), Duration.ZERO, 30, "email", "en", Map.of());
    }

    public Rule withDelay(Duration d) {
      return new Rule(
          name, kind, after, channels, queues, d, oncePerDays, send, defaultLanguage, texts);
    }

    public Rule withSend(String s) {
      return new Rule(
          name, kind, after, channels, queues, delay, oncePerDays, s, defaultLanguage, texts);
    }

    public Rule withChannels(Set<String> c) {
      return new Rule(
          name, kind, after, c, queues, delay, oncePerDays, send, defaultLanguage, texts);
    }

    public Rule withOncePerDays(int days) {
      return new Rule(
          name, kind, after, channels, queues, delay, days, send, defaultLanguage, texts);
    }

    /** The rule's text in a language: its own, else the built-in one. */
    public String text(String language, String key) {
      Map<String, String> own = texts.get(language);
      if (own != null && own.get(key) != null) return own.get(key);
      return SurveyTexts.builtIn(kind, language, key);
    }
  }

  /**
   * The survey settings of a settings file's text (for tests; the server and commands use {@code
   * Settings}).
   */
  public static SurveySettings parse(String yaml, String source) {
    return read(
        io.yardstick.yaml.YamlTree.parse(source, yaml, io.yardstick.yaml.YamlTree.Scalars.TYPED));
  }

  /** Reads {@code surveys} of a settings file's tree; the rest of the file is not looked at. */
  public static SurveySettings read(io.yardstick.yaml.YamlTree tree) {
    JsonNode root = tree.root();
    return new Reader(tree.source())
        .read(root == null || root.isNull() ? null : root.get("surveys"));
  }

  private record Reader(String source) {
    SettingsException fail(String key, JsonNode value, String expected) {
      String v =
          value == null
              ? "nothing"
              : value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
      return new SettingsException(
          "settings file "
              + source
              + ": "
              + key
              + ": the value "
              + v
              + " is not valid;"
              + " expected "
              + expected);
    }

    void onlyKeys(JsonNode node, String key, Set<String> allowed) {
      for (String k : (Iterable<String>) node::fieldNames) {
        if (!allowed.contains(k)) {
          throw new SettingsException(
              "settings file "
                  + source
                  + ": "
                  + (key.isEmpty() ? "" : key + ".")
                  + k
                  + ": unknown key; expected one of "
                  + String.join(", ", allowed.stream().sorted().toList()));
        }
      }
    }

    long whole(JsonNode parent, String name, String key, long fallback, long min, long max) {
      JsonNode v = parent.get(name);
      if (v == null || v.isNull()) return fallback;
      if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > max) {
        throw fail(key, v, "a whole number from " + min + " to " + max);
      }
      return v.asLong();
    }

    SurveySettings read(JsonNode s) {
      SurveySettings d = defaults();
      if (s == null || s.isNull()) return d;
      if (!s.isObject())
        throw fail(
            "surveys", s, "a map with base_url, rules and the other keys of docs/surveys.md");
      onlyKeys(
          s,
          "surveys",
          Set.of(
              "base_url",
              "link_days",
              "change_minutes",
              "keep_address_days",
              "lookback_hours",
              "public_requests_per_minute",
              "rules"));
      String baseUrl = null;
      JsonNode b = s.get("base_url");
      if (b != null && !b.isNull()) {
        URI u;
        try {
          u = b.isTextual() ? URI.create(b.asText().strip()) : null;
        } catch (IllegalArgumentException e) {
          u = null;
        }
        if (u == null
            || u.getHost() == null
            || !("https".equals(u.getScheme()) || "http".equals(u.getScheme()))) {
          throw fail(
              "surveys.base_url",
              b,
              "the address customers reach this server at, such as"
                  + " https://support.example.com");
        }
        baseUrl = b.asText().strip().replaceAll("/+$", "");
      }
      Duration link = Duration.ofDays(whole(s, "link_days", "surveys.link_days", 14, 1, 365));
      Duration change =
          Duration.ofMinutes(whole(s, "change_minutes", "surveys.change_minutes", 30, 0, 10_080));
      Duration keep =
          Duration.ofDays(whole(s, "keep_address_days", "surveys.keep_address_days", 30, 0, 3650));
      Duration lookback =
          Duration.ofHours(whole(s, "lookback_hours", "surveys.lookback_hours", 24, 1, 24 * 90));
      int perMinute =
          (int)
              whole(
                  s,
                  "public_requests_per_minute",
                  "surveys.public_requests_per_minute",
                  60,
                  1,
                  1_000_000);
      List<Rule> rules = new ArrayList<>();
      JsonNode list = s.get("rules");
      if (list != null && !list.isNull()) {
        if (!list.isArray()) throw fail("surveys.rules", list, "a list of rules");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          Rule r = rule(list.get(i), "surveys.rules[" + i + "]");
          if (!names.add(r.name())) {
            throw new SettingsException(
                "settings file "
                    + source
                    + ": surveys.rules["
                    + i
                    + "].name: the name '"
                    + r.name()
                    + "' is given twice; give each rule its own name");
          }
          if ("email".equals(r.send()) && baseUrl == null) {
            throw new SettingsException(
                "settings file "
                    + source
                    + ": surveys.rules["
                    + i
                    + "]: an e-mail rule"
                    + " needs surveys.base_url, the address customers open the survey page at");
          }
          rules.add(r);
        }
      }
      return new SurveySettings(baseUrl, link, change, keep, lookback, perMinute, rules);
    }

    Rule rule(JsonNode n, String key) {
      if (n == null || !n.isObject()) throw fail(key, n, "a map with name, kind and after");
      onlyKeys(
          n,
          key,
          Set.of(
              "name",
              "kind",
              "after",
              "channels",
              "queues",
              "delay_minutes",
              "once_per_days",
              "send",
              "default_language",
              "texts"));
      JsonNode name = n.get("name");
      if (name == null || !name.isTextual() || !name.asText().matches("[a-z0-9][a-z0-9_-]{0,63}")) {
        throw fail(
            key + ".name", name, "a name of lowercase letters, digits, - and _ (csat-solved)");
      }
      JsonNode kindNode = n.get("kind");
      SurveyKind kind = null;
      if (kindNode != null && kindNode.isTextual()) {
        for (SurveyKind k : SurveyKind.values())
          if (k.id().equals(kindNode.asText().toLowerCase(Locale.ROOT))) kind = k;
      }
      if (kind == null) throw fail(key + ".kind", kindNode, "one of csat, nps, ces, esat");
      if (kind == SurveyKind.ESAT) {
        throw fail(
            key + ".kind",
            kindNode,
            "csat, nps or ces: esat asks agents, not customers, and is not sent by"
                + " rules yet (import ESAT answers as surveys instead)");
      }
      JsonNode afterNode = n.get("after");
      Trigger after = null;
      if (afterNode != null && afterNode.isTextual()) {
        for (Trigger t : Trigger.values())
          if (t.id().equals(afterNode.asText().toLowerCase(Locale.ROOT))) after = t;
      }
      if (after == null) throw fail(key + ".after", afterNode, "case_solved or contact_answered");
      Set<String> channels = words(n.get("channels"), key + ".channels");
      Set<String> queues = texts(n.get("queues"), key + ".queues");
      Duration delay =
          Duration.ofMinutes(whole(n, "delay_minutes", key + ".delay_minutes", 0, 0, 60 * 24 * 30));
      int once = (int) whole(n, "once_per_days", key + ".once_per_days", 30, 0, 3650);
      String send = "email";
      JsonNode sendNode = n.get("send");
      if (sendNode != null && !sendNode.isNull()) {
        String v = sendNode.isTextual() ? sendNode.asText().strip() : "";
        if (v.equals("email") || v.equals("link")) {
          send = v;
        } else if (v.startsWith("webhook:https://") || v.startsWith("webhook:http://")) {
          try {
            URI.create(v.substring("webhook:".length())).toURL();
          } catch (IllegalArgumentException | java.net.MalformedURLException e) {
            throw fail(key + ".send", sendNode, "email, link or webhook:URL");
          }
          send = v;
        } else {
          throw fail(
              key + ".send",
              sendNode,
              "email, link or webhook:URL (webhook:https://chat.example.com/hook)");
        }
      }
      String language = "en";
      JsonNode l = n.get("default_language");
      if (l != null && !l.isNull()) {
        if (!l.isTextual() || !LANGUAGES.contains(l.asText())) {
          throw fail(key + ".default_language", l, "one of " + String.join(", ", LANGUAGES));
        }
        language = l.asText();
      }
      Map<String, Map<String, String>> texts = new LinkedHashMap<>();
      JsonNode t = n.get("texts");
      if (t != null && !t.isNull()) {
        if (!t.isObject())
          throw fail(
              key + ".texts", t, "a map from language (en, es, ca, ro) to subject and question");
        for (Map.Entry<String, JsonNode> e : t.properties()) {
          String lk = key + ".texts." + e.getKey();
          if (!LANGUAGES.contains(e.getKey()))
            throw fail(
                lk,
                new com.fasterxml.jackson.databind.node.TextNode(e.getKey()),
                "a language: one of " + String.join(", ", LANGUAGES));
          if (!e.getValue().isObject())
            throw fail(lk, e.getValue(), "a map with subject and question");
          onlyKeys(e.getValue(), lk, Set.of("subject", "question"));
          Map<String, String> m = new LinkedHashMap<>();
          for (String k : List.of("subject", "question")) {
            JsonNode v = e.getValue().get(k);
            if (v == null || v.isNull()) continue;
            if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 500) {
              throw fail(lk + "." + k, v, "a text of 1 to 500 characters");
            }
            m.put(k, v.asText().strip());
          }
          texts.put(e.getKey(), m);
        }
      }
      return new Rule(
          name.asText(), kind, after, channels, queues, delay, once, send, language, texts);
    }

    Set<String> words(JsonNode n, String key) {
      Set<String> out = new java.util.LinkedHashSet<>();
      for (String s : texts(n, key)) out.add(s.toLowerCase(Locale.ROOT));
      return out;
    }

    Set<String> texts(JsonNode n, String key) {
      Set<String> out = new java.util.LinkedHashSet<>();
      if (n == null || n.isNull()) return out;
      if (!n.isArray()) throw fail(key, n, "a list such as [email, chat]");
      for (JsonNode v : n) {
        if (!v.isTextual() || v.asText().isBlank()) throw fail(key, v, "names as text");
        out.add(v.asText().strip());
      }
      return out;
    }
  }
}
