package io.yardstick.server.api;

/** An HTTP error with its status and a message that names what was wrong and what is expected. */
public final class ApiException extends RuntimeException {
  private final int status;
  private final String title;
  private long retryAfterSeconds = -1;

  public ApiException(int status, String title, String message) {
    super(message);
    this.status = status;
    this.title = title;
  }

  public static ApiException badRequest(String message) {
    return new ApiException(400, "Bad request", message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(403, "Forbidden", message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(401, "Unauthorized", message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(404, "Not found", message);
  }

  /** Asks the client to wait this long before asking again ({@code Retry-After}). */
  public ApiException retryAfterSeconds(long seconds) {
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** The {@code Retry-After} seconds, or -1 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }
}
