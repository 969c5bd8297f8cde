package io.yardstick.ingest;

import io.yardstick.YardstickException;

/**
 * A value or a file that cannot be imported. The message names the file, the line (the header is
 * line 1), the column, the value and what was expected, so the user can fix the file and import it
 * again; nothing of the file was kept.
 */
public final class ImportException extends YardstickException {
  private final String file;
  private final long line;
  private final String column;
  private final String value;
  private final String problem;

  public ImportException(String file, long line, String column, String value, String problem) {
    super(format(file, line, column, value, problem));
    this.file = file;
    this.line = line;
    this.column = column;
    this.value = value;
    this.problem = problem;
  }

  private static String format(
      String file, long line, String column, String value, String problem) {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(", line ").append(line);
    }
    if (column != null) {
      sb.append(", column ").append(column);
    }
    sb.append(": ");
    if (value != null) {
      sb.append('"').append(abbreviate(value)).append("\" ");
    }
    sb.append(problem);
    sb.append(". Nothing from this file was imported.");
    return sb.toString();
  }

  private static String abbreviate(String value) {
    return value.length() > 80 ? value.substring(0, 77) + "..." : value;
  }

  public String file() {
    return file;
  }

  public long line() {
    return line;
  }

  public String column() {
    return column;
  }

  public String value() {
    return value;
  }

  /** What is wrong and what was expected, without the file, line, column and value. */
  public String problem() {
    return problem;
  }
}
