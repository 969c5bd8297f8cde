package io.yardstick.kpi;

import io.yardstick.Parse;
import io.yardstick.YardstickException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A restriction of the data: a dimension equal to any of several values ({@code
 * channel=phone,chat}), or a customer attribute in a numeric range, both ends inclusive ({@code
 * age=55..70}; {@code age=55..} or {@code age=..70} leave one end open). Contact fields and their
 * values compare as stored (channel and direction are lowercase).
 */
public record Filter(Dimension dimension, List<String> values, Double low, Double high) {
  public Filter {
    values = values == null ? List.of() : List.copyOf(values);
    if (dimension.kind() == Dimension.Kind.TIME) {
      throw new YardstickException(
          "Cannot filter by "
              + dimension.name()
              + "; the period ({from}, {to}) chooses the"
              + " time.");
    }
  }

  /** The filter as {@link #parse} reads it: {@code channel=phone,chat}, {@code age=55..70}. */
  public String text() {
    if (!isRange()) return dimension.name() + "=" + String.join(",", values);
    return dimension.name()
        + "="
        + (low == null ? "" : Parse.number(low))
        + ".."
        + (high == null ? "" : Parse.number(high));
  }

  public boolean isRange() {
    return values.isEmpty();
  }

  /**
   * The most values one filter may list, and the longest value: a filter is a question, not a data
   * set.
   */
  static final int MAX_VALUES = 1_000;

  static final int MAX_VALUE_LENGTH = 256;

  /** Parses {@code DIM=V[,V...]} or {@code DIM=LOW..HIGH}. */
  public static Filter parse(String text) {
    if (text.chars().anyMatch(Character::isISOControl)) {
      throw new YardstickException(
          "'"
              + text.replaceAll("\\p{Cntrl}", "?")
              + "' holds a control character; a filter is DIM=VALUE[,VALUE...] or DIM=LOW..HIGH.");
    }
    int eq = text.indexOf('=');
    if (eq <= 0 || eq == text.length() - 1) {
      throw new YardstickException(
          "'"
              + text
              + "' is not a filter; expected DIM=VALUE[,VALUE...] or DIM=LOW..HIGH,"
              + " such as channel=phone,chat or age=55..70.");
    }
    Dimension dim = Dimension.of(text.substring(0, eq));
    String rest = text.substring(eq + 1).strip();
    int dots = rest.indexOf("..");
    if (dots >= 0 && dim.kind() == Dimension.Kind.ATTRIBUTE) {
      Double low = number(text, rest.substring(0, dots));
      Double high = number(text, rest.substring(dots + 2));
      if (low == null && high == null) {
        throw new YardstickException(
            "'" + text + "': a range needs at least one end, such as age=55..70.");
      }
      if (low != null && high != null && low > high) {
        throw new YardstickException(
            "'" + text + "': the range starts above its end (" + low + " > " + high + ").");
      }
      return new Filter(dim, List.of(), low, high);
    }
    List<String> values =
        Arrays.stream(rest.split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .map(
                v ->
                    dim.name().equals("channel")
                            || dim.name().equals("direction")
                            || dim.kind() == Dimension.Kind.TICKET_FIELD
                        ? v.toLowerCase(Locale.ROOT)
                        : v)
            .toList();
    if (values.isEmpty()) {
      throw new YardstickException(
          "'" + text + "': no value given; expected DIM=VALUE[,VALUE...].");
    }
    if (values.size() > MAX_VALUES
        || values.stream().anyMatch(v -> v.length() > MAX_VALUE_LENGTH)) {
      throw new YardstickException(
          "The filter on "
              + dim.name()
              + " lists "
              + values.size()
              + " values; at most "
              + MAX_VALUES
              + " of at most "
              + MAX_VALUE_LENGTH
              + " characters each.");
    }
    return new Filter(dim, values, null, null);
  }

  private static Double number(String text, String s) {
    String t = s.strip();
    if (t.isEmpty()) return null;
    try {
      double d = Double.parseDouble(t);
      if (!Double.isFinite(d)) throw new NumberFormatException("not finite");
      return d;
    } catch (NumberFormatException e) {
      throw new YardstickException(
          "'"
              + text
              + "': '"
              + t
              + "' is not a number; a range is LOW..HIGH, such as"
              + " age=55..70.");
    }
  }
}
