package io.yardstick;

/**
 * A name the user gave (a dimension, a KPI, a command's argument) that Yardstick does not know: a
 * usage error (CLI exit 2, HTTP 400), whose message lists the valid names and the closest one.
 */
public class UnknownNameException extends YardstickException {
  public UnknownNameException(String message) {
    super(message);
  }
}
