package io.yardstick.ingest.mapping.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.yardstick.ingest.ImportException;
import io.yardstick.ingest.RowParser;
import io.yardstick.ingest.mapping.MappingException;
import io.yardstick.model.Field;
import io.yardstick.model.FieldType;
import io.yardstick.model.RecordType;
import io.yardstick.yaml.YamlTree;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a mapping file (YAML, or JSON, which is YAML too) into {@link MappingRules}, checking
 * everything that can be checked without the data: every refusal is a {@link MappingException}
 * naming the file, the key path and the value. The format is documented in docs/mapping.md.
 */
public final class MappingParser {
  private static final List<String> SPEC_KEYS =
      List.of(
          "column",
          "constant",
          "template",
          "field",
          "date",
          "time",
          "format",
          "date_format",
          "time_format",
          "time_zone",
          "map",
          "absent",
          "plus",
          "when",
          "default");
  private static final List<String> SOURCES =
      List.of("column", "constant", "template", "field", "date");

  private final String file;
  private YamlTree tree;
  private ZoneId zone;

  private MappingParser(String file) {
    this.file = file;
  }

  /** Parses the text of a mapping file; {@code file} names it in messages. */
  public static MappingRules parse(String file, String text) {
    return new MappingParser(file).parse(text);
  }

  private MappingRules parse(String text) {
    try {
      tree = YamlTree.parse(file, text, YamlTree.Scalars.TEXT);
    } catch (YamlTree.SyntaxException e) {
      if (e.duplicateKey().isPresent()) {
        throw new MappingException(
            file,
            e.location().map(Object::toString).orElse(null),
            e.duplicateKey().get(),
            null,
            "appears twice; expected each key once");
      }
      throw bad(
          "",
          null,
          "is not valid YAML"
              + e.location().map(l -> " at " + l).orElse("")
              + " ("
              + e.problem()
              + ")");
    }
    JsonNode root = tree.root();
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw bad(
          "",
          null,
          "is empty; expected an input section and at least one record section such as contacts");
    }
    if (!root.isObject())
      throw bad(
          "", null, "is not a YAML mapping of keys; expected keys such as input and contacts");

    List<String> allowed = new ArrayList<>(List.of("description", "input", "skip"));
    for (RecordType t : RecordType.values()) allowed.add(t.table());
    onlyKeys(root, "", allowed);

    String description =
        root.has("description") ? scalar(root.get("description"), "description") : null;
    char delimiter = ',';
    char quote = '"';
    JsonNode input = root.get("input");
    if (input != null && !input.isNull()) {
      if (!input.isObject())
        throw bad("input", null, "is not a section; expected keys delimiter, quote, time_zone");
      onlyKeys(input, "input", List.of("delimiter", "quote", "time_zone"));
      if (input.has("delimiter")) delimiter = character(input.get("delimiter"), "input.delimiter");
      if (input.has("quote")) quote = character(input.get("quote"), "input.quote");
      if (input.has("time_zone")) zone = zone(input.get("time_zone"), "input.time_zone");
    }
    if (delimiter == quote) {
      throw bad(
          "input.quote",
          String.valueOf(quote),
          "is also the delimiter; expected two different characters");
    }
    List<SectionRule.Skip> skips = skips(root.get("skip"), "skip");

    Map<RecordType, SectionRule> sections = new LinkedHashMap<>();
    var names = root.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      RecordType.fromName(name)
          .filter(t -> t.table().equals(name))
          .ifPresent(t -> sections.put(t, section(t, root.get(name))));
    }
    if (sections.isEmpty()) {
      throw bad(
          "",
          null,
          "maps no records; expected at least one section named after a kind of record: "
              + String.join(
                  ", ", Arrays.stream(RecordType.values()).map(RecordType::table).toList()));
    }
    return new MappingRules(file, description, delimiter, quote, skips, sections);
  }

  private SectionRule section(RecordType type, JsonNode node) {
    String path = type.table();
    if (node == null || !node.isObject()) {
      throw bad(
          path,
          null,
          "is not a section; expected one key per canonical field, such as "
              + type.fields().get(0).name()
              + ": "
              + "{column: ...}");
    }
    List<String> allowed = new ArrayList<>();
    for (Field f : type.fields()) allowed.add(f.name());
    allowed.add("skip");
    if (!RowParser.orders(type).isEmpty()) allowed.add("out_of_order");
    if (type.hasAttributes()) allowed.add("attributes");
    onlyKeys(node, path, allowed);

    List<String> missing = new ArrayList<>();
    for (Field f : type.fields()) {
      if (f.required() && !node.has(f.name())) missing.add(f.name());
    }
    if (!missing.isEmpty()) {
      throw bad(
          path,
          null,
          String.join(", ", missing)
              + (missing.size() == 1 ? " is a required field" : " are required" + " fields")
              + " of "
              + type.table()
              + " and not mapped; map "
              + (missing.size() == 1 ? "it" : "each")
              + " to a column, or give a constant such as channel: {constant: phone}");
    }

    RowParser checker = new RowParser(type, file);
    FieldRule[] byIndex = new FieldRule[type.fields().size()];
    List<FieldRule> direct = new ArrayList<>();
    List<FieldRule> derived = new ArrayList<>();
    for (int i = 0; i < type.fields().size(); i++) {
      Field f = type.fields().get(i);
      if (!node.has(f.name())) continue;
      FieldRule rule = field(type, node, node.get(f.name()), f, path + "." + f.name(), checker);
      byIndex[i] = rule;
      (rule.source() instanceof Source.FieldRef ? derived : direct).add(rule);
    }
    List<FieldRule> order = new ArrayList<>(direct);
    order.addAll(derived);

    List<FieldRule> attributes = new ArrayList<>();
    JsonNode attrs = node.get("attributes");
    if (attrs != null && !attrs.isNull()) {
      if (!attrs.isObject())
        throw bad(
            path + ".attributes", null, "is not a section; expected attribute: {column: ...}");
      var it = attrs.fieldNames();
      Field text = new Field("attribute", FieldType.TEXT, false);
      while (it.hasNext()) {
        String name = it.next();
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (type.field(lower).isPresent() || lower.isEmpty()) {
          throw bad(
              path + ".attributes." + name,
              null,
              "is not an attribute name; expected a name other than the" + " canonical fields");
        }
        FieldRule rule =
            field(type, node, attrs.get(name), text, path + ".attributes." + name, checker);
        if (rule.source() instanceof Source.FieldRef) {
          throw bad(
              path + ".attributes." + name + ".field",
              null,
              "is not available for attributes; use a column");
        }
        attributes.add(
            new FieldRule(
                rule.key(),
                lower,
                FieldType.TEXT,
                rule.source(),
                rule.absent(),
                rule.map(),
                rule.reader(),
                rule.plus(),
                rule.when(),
                rule.defaultValue()));
      }
    }
    return new SectionRule(
        type,
        order,
        byIndex,
        attributes,
        skips(node.get("skip"), path + ".skip"),
        outOfOrder(type, node, node.get("out_of_order"), path + ".out_of_order"));
  }

  /**
   * The {@code out_of_order} rules of a section: for a field that breaks one of the row parser's
   * order rules (a first response before the arrival...), {@code set_aside} the row or {@code
   * clear} the field instead of refusing the file; {@code refuse} is the default. Written as {@code
   * field: action} or {@code field: {action: ..., reason: ...}}.
   */
  private List<SectionRule.OutOfOrder> outOfOrder(
      RecordType type, JsonNode section, JsonNode node, String path) {
    if (node == null || node.isNull()) return List.of();
    List<RowParser.Order> orders = RowParser.orders(type);
    String fields = String.join(", ", orders.stream().map(RowParser.Order::field).toList());
    if (!node.isObject() || node.isEmpty()) {
      throw bad(
          path,
          null,
          "is not a section; expected field: set_aside, clear or refuse, for " + fields);
    }
    List<SectionRule.OutOfOrder> rules = new ArrayList<>();
    var it = node.properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      String p = path + "." + e.getKey();
      RowParser.Order order =
          orders.stream()
              .filter(o -> o.field().equals(e.getKey()))
              .findFirst()
              .orElseThrow(
                  () ->
                      bad(
                          p,
                          null,
                          "is not a field with an order rule in "
                              + type.table()
                              + "; expected one"
                              + " of "
                              + fields));
      if (!section.has(order.field())) {
        throw bad(
            p,
            null,
            "is not mapped in this section, so it can never be out of order; map it or remove this"
                + " rule");
      }
      JsonNode spec = e.getValue();
      String action;
      String at = p;
      String reason = order.reason();
      if (spec != null && spec.isObject()) {
        onlyKeys(spec, p, List.of("action", "reason"));
        if (!spec.has("action"))
          throw bad(p + ".action", null, "is missing; expected set_aside, clear or refuse");
        action = scalar(spec.get("action"), p + ".action");
        if (spec.has("reason")) {
          reason = scalar(spec.get("reason"), p + ".reason").strip();
          if (reason.isEmpty())
            throw bad(p + ".reason", null, "is blank; say why (the summary shows it)");
        }
        at = p + ".action";
      } else {
        if (spec == null || spec.isNull())
          throw bad(p, null, "is empty; expected set_aside, clear or refuse");
        action = scalar(spec, p);
      }
      switch (action) {
        case "refuse" -> {}
        case "set_aside" ->
            rules.add(
                new SectionRule.OutOfOrder(
                    order,
                    type.indexOf(order.field()),
                    type.indexOf(order.anchor()),
                    false,
                    reason));
        case "clear" -> {
          if (type.field(order.field()).orElseThrow().required()) {
            throw bad(
                at,
                action,
                "cannot apply to "
                    + order.field()
                    + ", which "
                    + type.table()
                    + " require;"
                    + " expected set_aside or refuse");
          }
          rules.add(
              new SectionRule.OutOfOrder(
                  order, type.indexOf(order.field()), type.indexOf(order.anchor()), true, reason));
        }
        default ->
            throw bad(
                at,
                action,
                "is not an action; expected set_aside (the row is set aside and counted),"
                    + " clear (the field is left empty, the row kept and counted) or refuse (the default: the file is"
                    + " refused, naming line and column)");
      }
    }
    return List.copyOf(rules);
  }

  private FieldRule field(
      RecordType type,
      JsonNode section,
      JsonNode spec,
      Field field,
      String path,
      RowParser checker) {
    if (spec == null || spec.isNull())
      throw bad(path, null, "is empty; expected a column name or {column: ...}");
    if (spec.isValueNode()) {
      return new FieldRule(
          path,
          field.name(),
          field.type(),
          column(spec, path),
          Set.of(),
          null,
          defaultReader(field, path),
          List.of(),
          null,
          null);
    }
    if (!spec.isObject())
      throw bad(path, null, "is a list; expected a column name or {column: ...}");
    onlyKeys(spec, path, SPEC_KEYS);
    List<String> given = SOURCES.stream().filter(spec::has).toList();
    if (given.size() != 1) {
      throw bad(
          path,
          null,
          (given.isEmpty()
                  ? "has no source"
                  : "has " + given.size() + " sources (" + String.join(", ", given) + ")")
              + "; expected exactly one of column, constant, template, field, or date with time");
    }
    if (spec.has("time") && !spec.has("date"))
      throw bad(path + ".time", null, "needs date: the column of the date");
    ZoneId fieldZone =
        spec.has("time_zone") ? zone(spec.get("time_zone"), path + ".time_zone") : zone;

    Source source;
    Formats.Reader reader;
    String kind = given.get(0);
    boolean textSource =
        kind.equals("column") || kind.equals("constant") || kind.equals("template");
    for (String k : List.of("map", "absent")) {
      if (!textSource && spec.has(k))
        throw bad(path + "." + k, null, "applies to column, constant or template sources only");
    }
    if (!kind.equals("date")) {
      for (String k : List.of("date_format", "time_format")) {
        if (spec.has(k))
          throw bad(
              path + "." + k, null, "applies with date and time only; use format for one column");
      }
    }
    switch (kind) {
      case "field" -> {
        if (spec.has("format"))
          throw bad(path + ".format", null, "does not apply to field: the field is already read");
        String ref = scalar(spec.get("field"), path + ".field");
        JsonNode target = section.get(ref);
        var refField = type.field(ref);
        if (refField.isEmpty() || target == null || ref.equals(field.name())) {
          throw bad(
              path + ".field",
              ref,
              "is not another mapped field of "
                  + type.table()
                  + "; expected a field"
                  + " mapped in this section, such as arrived_at");
        }
        if (target.isObject() && target.has("field")) {
          throw bad(
              path + ".field",
              ref,
              "is itself made from a field; expected a field read from the columns");
        }
        if (refField.get().type() != field.type()) {
          throw bad(
              path + ".field",
              ref,
              "is a "
                  + refField.get().type().name().toLowerCase(Locale.ROOT)
                  + " field and "
                  + field.name()
                  + " is a "
                  + field.type().name().toLowerCase(Locale.ROOT)
                  + " one; expected a field of the"
                  + " same type");
        }
        source = new Source.FieldRef(ref, type.indexOf(ref));
        reader = null;
      }
      case "date" -> {
        if (field.type() != FieldType.INSTANT) {
          throw bad(
              path + ".date",
              null,
              "makes a timestamp, and " + field.name() + " is not one; use column");
        }
        if (!spec.has("time"))
          throw bad(
              path + ".time", null, "is missing; date needs time: the column of the time of day");
        if (spec.has("format"))
          throw bad(
              path + ".format",
              null,
              "does not apply to date and time; use date_format and time_format");
        if (fieldZone == null) {
          throw bad(
              path,
              null,
              "combines a local date and time, so a time zone is needed: add input.time_zone (or"
                  + " time_zone here) with an IANA name such as Europe/Madrid");
        }
        String dateFormat =
            spec.has("date_format")
                ? scalar(spec.get("date_format"), path + ".date_format")
                : "iso";
        String timeFormat =
            spec.has("time_format")
                ? scalar(spec.get("time_format"), path + ".time_format")
                : "H:mm:ss";
        Formats.Reader date;
        Formats.Reader time;
        try {
          date = Formats.date(dateFormat);
        } catch (Formats.BadFormat e) {
          throw bad(path + ".date_format", dateFormat, e.getMessage());
        }
        try {
          time = Formats.timeOfDay(timeFormat);
        } catch (Formats.BadFormat e) {
          throw bad(path + ".time_format", timeFormat, e.getMessage());
        }
        source =
            new Source.DateTime(
                columnName(spec.get("date"), path + ".date"),
                dateFormat,
                date,
                columnName(spec.get("time"), path + ".time"),
                timeFormat,
                time,
                fieldZone);
        reader = null;
      }
      default -> {
        source =
            switch (kind) {
              case "column" -> column(spec.get("column"), path + ".column");
              case "constant" ->
                  new Source.Constant(scalar(spec.get("constant"), path + ".constant"));
              default -> template(spec.get("template"), path + ".template");
            };
        reader =
            reader(
                field,
                spec.has("format") ? scalar(spec.get("format"), path + ".format") : null,
                fieldZone,
                path + ".format");
      }
    }

    Set<String> absent =
        spec.has("absent") ? lowercaseSet(spec.get("absent"), path + ".absent") : Set.of();
    Map<String, String> map = spec.has("map") ? valueMap(spec.get("map"), path + ".map") : null;
    List<FieldRule.Plus> plus =
        spec.has("plus") ? plus(field, spec.get("plus"), path + ".plus") : List.of();
    Condition when = spec.has("when") ? condition(spec.get("when"), path + ".when") : null;
    Object defaultValue = null;
    if (spec.has("default")) {
      String text = scalar(spec.get("default"), path + ".default");
      defaultValue = canonical(checker, field, text, path + ".default");
    }
    if (source instanceof Source.Constant c && plus.isEmpty()) {
      String text = c.text();
      if (map != null) {
        if (!map.containsKey(text.toLowerCase(Locale.ROOT))) {
          throw bad(
              path + ".constant",
              text,
              "is not in the value map; expected one of " + String.join(", ", map.keySet()));
        }
        text = map.get(text.toLowerCase(Locale.ROOT));
      }
      if (text != null && !absent.contains(text.toLowerCase(Locale.ROOT))) {
        Object value = text;
        if (reader != null) {
          try {
            value = reader.read(text);
          } catch (BadValue e) {
            throw bad(path + ".constant", text, e.getMessage());
          }
        }
        canonical(checker, field, Values.text(value), path + ".constant");
      }
    }
    if (map != null && reader == null) {
      for (Map.Entry<String, String> e : map.entrySet()) {
        if (e.getValue() != null)
          canonical(checker, field, e.getValue(), path + ".map." + e.getKey());
      }
    }
    return new FieldRule(
        path, field.name(), field.type(), source, absent, map, reader, plus, when, defaultValue);
  }

  /**
   * Parses a canonical value with the row parser's own rules, reporting a refusal against the
   * mapping key.
   */
  private Object canonical(RowParser checker, Field field, String text, String path) {
    if (field.name().equals("attribute")) return text;
    try {
      return checker.value(field, text);
    } catch (ImportException e) {
      throw bad(path, text, e.problem());
    }
  }

  private Formats.Reader defaultReader(Field field, String path) {
    return reader(field, null, zone, path + ".format");
  }

  /** The reader of a field's format; {@code format} null means the type's default. */
  private Formats.Reader reader(Field field, String format, ZoneId zone, String path) {
    try {
      return switch (field.type()) {
        case INSTANT -> Formats.instant(format == null ? "iso" : format, zone);
        case DATE -> Formats.date(format == null ? "iso" : format);
        case SECONDS -> Formats.duration(format == null ? "seconds" : format);
        case BOOLEAN -> {
          if (format != null && !format.equals("yes_no")) {
            throw new Formats.BadFormat(
                "is not a boolean format; expected yes_no (the only one: Y/N, yes/no, 1/0,"
                    + " true/false), and map for other words");
          }
          yield Formats::yesNo;
        }
        default -> {
          if (format != null) {
            throw new Formats.BadFormat(
                "does not apply to "
                    + field.name()
                    + ", which is "
                    + field.type().expected()
                    + "; use map to translate values");
          }
          yield null;
        }
      };
    } catch (Formats.BadFormat e) {
      throw bad(path, format, e.getMessage());
    }
  }

  private List<FieldRule.Plus> plus(Field field, JsonNode node, String path) {
    if (field.type() != FieldType.INSTANT) {
      throw bad(path, null, "adds a duration, and " + field.name() + " is not a timestamp");
    }
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) node.forEach(items::add);
    else items.add(node);
    if (items.isEmpty()) throw bad(path, null, "is an empty list; expected a column of durations");
    List<FieldRule.Plus> plus = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String p = node.isArray() ? path + "[" + i + "]" : path;
      if (item.isValueNode()) {
        plus.add(new FieldRule.Plus(p, column(item, p), Set.of(), duration("seconds", p)));
        continue;
      }
      if (!item.isObject())
        throw bad(
            p, null, "is not a duration; expected a column name or {column: ..., format: ...}");
      onlyKeys(item, p, List.of("column", "constant", "format", "absent"));
      if (item.has("column") == item.has("constant")) {
        throw bad(p, null, "needs exactly one of column or constant");
      }
      Source s =
          item.has("column")
              ? column(item.get("column"), p + ".column")
              : new Source.Constant(scalar(item.get("constant"), p + ".constant"));
      String format = item.has("format") ? scalar(item.get("format"), p + ".format") : "seconds";
      Formats.Reader reader = duration(format, p + ".format");
      if (s instanceof Source.Constant c) {
        try {
          reader.read(c.text());
        } catch (BadValue e) {
          throw bad(p + ".constant", c.text(), e.getMessage());
        }
      }
      Set<String> absent =
          item.has("absent") ? lowercaseSet(item.get("absent"), p + ".absent") : Set.of();
      plus.add(new FieldRule.Plus(p, s, absent, reader));
    }
    return plus;
  }

  private Formats.Reader duration(String format, String path) {
    try {
      return Formats.duration(format);
    } catch (Formats.BadFormat e) {
      throw bad(path, format, e.getMessage());
    }
  }

  private List<SectionRule.Skip> skips(JsonNode node, String path) {
    if (node == null || node.isNull()) return List.of();
    if (!node.isArray())
      throw bad(path, null, "is not a list; expected - {when: {column: value}, reason: ...} items");
    List<SectionRule.Skip> skips = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String p = path + "[" + i + "]";
      JsonNode item = node.get(i);
      if (!item.isObject())
        throw bad(p, null, "is not a rule; expected {when: {column: value}, reason: ...}");
      onlyKeys(item, p, List.of("when", "reason"));
      if (!item.has("when"))
        throw bad(p + ".when", null, "is missing; say which rows to set aside");
      if (!item.has("reason"))
        throw bad(
            p + ".reason",
            null,
            "is missing; say why the rows are set aside (the summary shows it)");
      String reason = scalar(item.get("reason"), p + ".reason");
      if (reason.isBlank())
        throw bad(p + ".reason", reason, "is blank; say why the rows are set aside");
      skips.add(new SectionRule.Skip(p, condition(item.get("when"), p + ".when"), reason.strip()));
    }
    return skips;
  }

  private Condition condition(JsonNode node, String path) {
    if (!node.isObject() || node.isEmpty()) {
      throw bad(
          path,
          null,
          "is not a condition; expected {column: value} pairs, such as {outcome: HANG}");
    }
    List<Condition.Test> tests = new ArrayList<>();
    var it = node.properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      String p = path + "." + e.getKey();
      JsonNode v = e.getValue();
      Set<String> values = new LinkedHashSet<>();
      if (v.isArray()) {
        if (v.isEmpty()) throw bad(p, null, "is an empty list; expected the values that match");
        for (JsonNode x : v)
          values.add(x.isNull() ? "" : scalar(x, p).strip().toLowerCase(Locale.ROOT));
      } else {
        values.add(v.isNull() ? "" : scalar(v, p).strip().toLowerCase(Locale.ROOT));
      }
      tests.add(new Condition.Test(e.getKey(), Set.copyOf(values)));
    }
    return new Condition(List.copyOf(tests));
  }

  private Map<String, String> valueMap(JsonNode node, String path) {
    if (!node.isObject() || node.isEmpty()) {
      throw bad(
          path,
          null,
          "is not a value map; expected {source value: value}, such as {Y: true, N: false}");
    }
    Map<String, String> map = new LinkedHashMap<>();
    var it = node.properties().iterator();
    while (it.hasNext()) {
      var e = it.next();
      String key = e.getKey().strip().toLowerCase(Locale.ROOT);
      if (map.containsKey(key))
        throw bad(path + "." + e.getKey(), null, "appears twice (keys are case-insensitive)");
      map.put(key, e.getValue().isNull() ? null : scalar(e.getValue(), path + "." + e.getKey()));
    }
    return java.util.Collections.unmodifiableMap(map);
  }

  private Set<String> lowercaseSet(JsonNode node, String path) {
    Set<String> set = new LinkedHashSet<>();
    if (node.isArray()) {
      for (JsonNode x : node) set.add(scalar(x, path).strip().toLowerCase(Locale.ROOT));
    } else {
      set.add(scalar(node, path).strip().toLowerCase(Locale.ROOT));
    }
    return Set.copyOf(set);
  }

  private Source.Template template(JsonNode node, String path) {
    String t = scalar(node, path);
    List<String> literals = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int i = 0;
    StringBuilder literal = new StringBuilder();
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '{') {
        int end = t.indexOf('}', i);
        if (end < 0) throw bad(path, t, "has a { without its }; expected {column} placeholders");
        String name = t.substring(i + 1, end).strip();
        if (name.isEmpty()) throw bad(path, t, "has an empty {}; expected {column} placeholders");
        literals.add(literal.toString());
        literal.setLength(0);
        names.add(name);
        i = end + 1;
      } else if (c == '}') {
        throw bad(path, t, "has a } without its {; expected {column} placeholders");
      } else {
        literal.append(c);
        i++;
      }
    }
    literals.add(literal.toString());
    if (names.isEmpty())
      throw bad(path, t, "names no column; expected {column} placeholders (or use constant)");
    return new Source.Template(t, List.copyOf(literals), List.copyOf(names));
  }

  private Source.Column column(JsonNode node, String path) {
    return new Source.Column(columnName(node, path));
  }

  private String columnName(JsonNode node, String path) {
    String name = scalar(node, path).strip();
    if (name.isEmpty())
      throw bad(path, "", "is empty; expected the name of a column in the header of the data file");
    return name;
  }

  private ZoneId zone(JsonNode node, String path) {
    String id = scalar(node, path).strip();
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw bad(
          path,
          id,
          "is not a time zone; expected an IANA name such as Europe/Madrid or Asia/Jerusalem");
    }
  }

  private char character(JsonNode node, String path) {
    String s = scalar(node, path);
    if (s.equalsIgnoreCase("tab")) return '\t';
    if (s.length() != 1 || s.charAt(0) == '\n' || s.charAt(0) == '\r') {
      throw bad(
          path,
          s,
          "is not one character; expected one such as \",\" or \";\" (\"\\t\" or tab for a tab)");
    }
    return s.charAt(0);
  }

  private String scalar(JsonNode node, String path) {
    if (node == null || node.isNull()) throw bad(path, null, "is empty; expected a value");
    if (!node.isValueNode())
      throw bad(
          path,
          null,
          "is a " + (node.isArray() ? "list" : "section") + "; expected a single value");
    return node.asText();
  }

  private void onlyKeys(JsonNode node, String path, List<String> allowed) {
    tree.unknownKey(node, path, allowed)
        .ifPresent(
            k -> {
              throw new MappingException(
                  file,
                  tree.keyLocation(k.path()).map(Object::toString).orElse(null),
                  k.path(),
                  null,
                  "is not a key here"
                      + (k.closest() == null ? "" : " (did you mean " + k.closest() + "?)")
                      + "; expected "
                      + (allowed.size() > 12 ? "one of " : "")
                      + String.join(", ", allowed));
            });
  }

  /**
   * A refusal at the key's value (or the nearest enclosing key the file has), with its line and
   * column.
   */
  private MappingException bad(String key, String value, String problem) {
    String where =
        tree == null || key.isEmpty()
            ? null
            : tree.nearestLocation(key).map(Object::toString).orElse(null);
    return new MappingException(file, where, key, value, problem);
  }
}
