package io.yardstick;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root of every error Yardstick reports on purpose. Faces (CLI, HTTP) print its message as it
 * is: a message says what went wrong, where, and how to fix it, so no stack trace is needed.
 *
 * <p>A message names the fields a person sets as {@code {field}} (snake_case, as the API's
 * parameters and JSON fields): {@link #getMessage()} writes them {@code 'field'}, as the API says
 * them, and the command line re-renders the message with its own flags through {@link #render}
 * ({@code --field}), so the core never names a face's syntax.
 *
 * <pre>{@code
 * new YardstickException("give a deadline ({by}) on or after the start ({from})")
 *     .render(f -> "--" + f.replace('_', '-'));  // give a deadline (--by) on or after the start (--from)
 * }</pre>
 */
public class YardstickException extends RuntimeException {
  private static final Pattern FIELD = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

  private final String template;

  public YardstickException(String message) {
    super(render(message, f -> "'" + f + "'"));
    this.template = message;
  }

  public YardstickException(String message, Throwable cause) {
    super(render(message, f -> "'" + f + "'"), cause);
    this.template = message;
  }

  /** The message with each {@code {field}} named as a face names it. */
  public String render(UnaryOperator<String> fieldName) {
    return template == null ? getMessage() : render(template, fieldName);
  }

  private static String render(String template, UnaryOperator<String> fieldName) {
    if (template == null) return null;
    Matcher m = FIELD.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(fieldName.apply(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }
}
