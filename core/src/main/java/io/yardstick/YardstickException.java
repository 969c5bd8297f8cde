package io.yardstick;

/**
 * The root of every error Yardstick reports on purpose. Faces (CLI, HTTP) print its message as it is: a message says
 * what went wrong, where, and how to fix it, so no stack trace is needed.
 */
public class YardstickException extends RuntimeException {
  public YardstickException(String message) {
    super(message);
  }

  public YardstickException(String message, Throwable cause) {
    super(message, cause);
  }
}
