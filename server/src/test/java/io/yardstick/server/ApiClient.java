package io.yardstick.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A JSON client with its own cookies (one session), for the API and browser tests; or, made with
 * {@link #withToken}, one that sends a bearer token (the events API and the other machine calls).
 */
final class ApiClient {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A status and the parsed body. */
  record Response(int status, JsonNode body) {
    /** The body, when the status is a success (2xx); else an assertion error naming both. */
    JsonNode ok(String what) {
      if (status < 200 || status > 299) {
        throw new AssertionError(what + " answered " + status + ": " + body);
      }
      return body;
    }
  }

  private final java.util.function.UnaryOperator<String> server;
  private final HttpClient http;
  private String csrf;
  private java.util.function.Supplier<String> bearer;

  ApiClient(TestServer server) {
    this(server::url);
  }

  /** A client of another server: {@code url} turns a path into its URL. */
  ApiClient(java.util.function.UnaryOperator<String> url) {
    this.server = url;
    this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
  }

  /** A client that sends the token (read at each call) as its bearer token. */
  static ApiClient withToken(
      java.util.function.UnaryOperator<String> url, java.util.function.Supplier<String> token) {
    ApiClient c = new ApiClient(url);
    c.bearer = token;
    return c;
  }

  static ApiClient loggedIn(TestServer server, String name, String password) {
    return loggedIn(server::url, name, password);
  }

  static ApiClient loggedIn(
      java.util.function.UnaryOperator<String> url, String name, String password) {
    ApiClient c = new ApiClient(url);
    Response r = c.post("/api/login", Map.of("name", name, "password", password));
    if (r.status() != 200)
      throw new IllegalStateException("Log-in of " + name + " failed: " + r.body());
    c.csrf = r.body().get("csrf").asText();
    return c;
  }

  String csrf() {
    return csrf;
  }

  Response get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(URI.create(server.apply(pathAndQuery))).GET());
  }

  Response post(String path, Object body) {
    return postWith(path, body, csrf);
  }

  Response postWith(String path, Object body, String csrfToken) {
    try {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(server.apply(path)))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
      if (csrfToken != null) b.header("X-CSRF-Token", csrfToken);
      return send(b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A POST of a raw text body, as it is. */
  Response postRaw(String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(server.apply(path)))
            .header("Content-Type", "application/json")
            .header("X-CSRF-Token", csrf == null ? "" : csrf)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A POST of a body of unknown length (sent chunked). */
  Response postStream(String path, java.io.InputStream body) {
    return send(
        HttpRequest.newBuilder(URI.create(server.apply(path)))
            .header("Content-Type", "application/json")
            .header("X-CSRF-Token", csrf == null ? "" : csrf)
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)));
  }

  /** A PUT of a JSON body. */
  Response put(String path, Object body) {
    try {
      return send(
          HttpRequest.newBuilder(URI.create(server.apply(path)))
              .header("Content-Type", "application/json")
              .header("X-CSRF-Token", csrf == null ? "" : csrf)
              .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET whose answer is bytes (a PDF); the status is checked to be 200. */
  byte[] bytes(String path) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(URI.create(server.apply(path))).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "GET "
                + path
                + " answered "
                + r.statusCode()
                + ": "
                + new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response delete(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.apply(path))).DELETE();
    if (csrf != null) b.header("X-CSRF-Token", csrf);
    return send(b);
  }

  /** A POST of a raw JSON text whose answer must be a success (2xx): its body. */
  JsonNode postOk(String path, String json) {
    return postRaw(path, json).ok("POST " + path);
  }

  /** A GET whose answer must be a success (2xx): its body. */
  JsonNode getOk(String path) {
    return get(path).ok("GET " + path);
  }

  private Response send(HttpRequest.Builder request) {
    if (bearer != null) request.header("Authorization", "Bearer " + bearer.get());
    try {
      HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String text = r.body();
      return new Response(r.statusCode(), text.isEmpty() ? JSON.nullNode() : JSON.readTree(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
