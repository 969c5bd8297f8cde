package io.yardstick.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.yardstick.YardstickException;
import io.yardstick.store.Loader;
import io.yardstick.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * Commands while {@code yardstick serve} holds a DuckDB file (one process at a time may open it):
 * the serving process listens on a loopback port and runs the commands other processes forward to
 * it on its own open store, so the README's flow (demo, then ask for numbers) works while the
 * dashboard is up.
 *
 * <p>The serving process writes {@code FILE.serving} beside the store (owner-only permissions): its
 * process id, port and a random secret. A command that finds the file, with that process alive,
 * sends its arguments there and prints what comes back. Only loopback connections with the secret
 * are answered, one command at a time, bodies of at most 64 KiB. Imports, the demo and serve itself
 * are not forwarded (they would load the server's memory or hold the port): they are refused with
 * how to proceed. Paths in the forwarded arguments (--settings FILE) are read by the serving
 * process, from its own working directory.
 */
final class LocalCommands implements AutoCloseable {
  private static final int MAX_BODY = 64 * 1024;

  /** Commands that are not forwarded, by their qualified name. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("yardstick import", "yardstick demo", "yardstick serve");

  /** The store of the command running on the local port's thread. */
  private static final ThreadLocal<Store> BORROWED = new ThreadLocal<>();

  /** What {@code FILE.serving} says: who serves the store, where, and the secret to ask it. */
  record Serving(long pid, int port, String secret, String url) {}

  /** The store is held by a serving process that is alive. */
  static final class Served extends YardstickException {
    final Path store;
    final Serving serving;

    Served(Path store, Serving serving) {
      super(
          "The store "
              + store
              + " is open by yardstick serve (process "
              + serving.pid()
              + ", "
              + serving.url()
              + ").");
      this.store = store;
      this.serving = serving;
    }
  }

  private final HttpServer http;
  private final Path file;

  private LocalCommands(HttpServer http, Path file) {
    this.http = http;
    this.file = file;
  }

  /**
   * Starts answering forwarded commands for a DuckDB store; null for PostgreSQL, which any process
   * may open.
   */
  static LocalCommands start(String location, Store store, String url) throws IOException {
    Optional<Path> path = duckDbFile(location);
    if (path.isEmpty()) return null;
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = HexFormat.of().formatHex(bytes);
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    http.setExecutor(
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "yardstick-local-commands");
              t.setDaemon(true);
              return t;
            }));
    http.createContext("/command", exchange -> answer(exchange, secret, store));
    http.start();
    Path file = servingFile(path.get());
    Serving serving =
        new Serving(ProcessHandle.current().pid(), http.getAddress().getPort(), secret, url);
    Files.deleteIfExists(file);
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        file, Json.MAPPER.writeValueAsString(serving), StandardOpenOption.TRUNCATE_EXISTING);
    return new LocalCommands(http, file);
  }

  @Override
  public void close() {
    http.stop(0);
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A stale file names a process that is gone: the next command sees that and ignores it.
    }
  }

  /** The DuckDB file of a location, or empty for PostgreSQL. */
  static Optional<Path> duckDbFile(String location) {
    if (location.startsWith("jdbc:postgresql:")) return Optional.empty();
    // Spark lakes (docs/scale-out.md) are not files; their store says when the lake is empty.
    if (location.startsWith("spark:") || location.startsWith("sc://")) return Optional.empty();
    String p =
        location.startsWith("jdbc:duckdb:")
            ? location.substring("jdbc:duckdb:".length())
            : location;
    return Optional.of(Path.of(p).toAbsolutePath().normalize());
  }

  private static Path servingFile(Path store) {
    return store.resolveSibling(store.getFileName() + ".serving");
  }

  /**
   * For {@link DbOption#open()}: the store a forwarded command runs on (this thread's), or nothing;
   * throws {@link Served} when another live process serves the file.
   */
  static Optional<Store> borrowedOrCheck(Path store) {
    Store borrowed = BORROWED.get();
    if (borrowed != null) return Optional.of(borrowed);
    Path file = servingFile(store);
    if (!Files.exists(file)) return Optional.empty();
    Serving serving;
    try {
      serving = Json.MAPPER.readValue(Files.readString(file), Serving.class);
    } catch (IOException e) {
      return Optional.empty(); // unreadable (another user's): opening the store says what is wrong
    }
    if (ProcessHandle.of(serving.pid()).map(ProcessHandle::isAlive).orElse(false)
        && serving.pid() != ProcessHandle.current().pid()) {
      throw new Served(store, serving);
    }
    return Optional.empty();
  }

  /** Runs the command line on the serving process, printing its output; its exit code. */
  static int forward(
      Served served, String qualifiedName, String[] args, PrintWriter out, PrintWriter err) {
    if (NOT_FORWARDED.contains(qualifiedName)) {
      err.println(
          "yardstick: "
              + served.getMessage()
              + " Stop it (Ctrl-C in its terminal) to run '"
              + qualifiedName.substring("yardstick ".length())
              + "' on this store; every other command works meanwhile.");
      return 1;
    }
    try {
      String body = Json.MAPPER.writeValueAsString(Map.of("args", List.of(args)));
      HttpResponse<String> r =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(5))
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + served.serving.port() + "/command"))
                      .header("Authorization", "Bearer " + served.serving.secret())
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        err.println(
            "yardstick: " + served.getMessage() + " It did not run the command: " + r.body());
        return 1;
      }
      JsonNode answer = Json.MAPPER.readTree(r.body());
      out.print(answer.get("out").asText());
      err.print(answer.get("err").asText());
      return answer.get("code").asInt();
    } catch (IOException e) {
      err.println(
          "yardstick: "
              + served.getMessage()
              + " It could not be reached ("
              + e.getMessage()
              + "); if it"
              + " is stopped, delete "
              + servingFile(served.store)
              + ".");
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static void answer(HttpExchange exchange, String secret, Store store) throws IOException {
    try (exchange) {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      boolean allowed =
          exchange.getRemoteAddress().getAddress().isLoopbackAddress()
              && auth != null
              && MessageDigest.isEqual(
                  auth.getBytes(StandardCharsets.UTF_8),
                  ("Bearer " + secret).getBytes(StandardCharsets.UTF_8));
      if (!allowed || !"POST".equals(exchange.getRequestMethod())) {
        reply(exchange, 403, "{\"error\":\"forbidden\"}");
        return;
      }
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
      if (body.length > MAX_BODY) {
        reply(exchange, 413, "{\"error\":\"the command line is longer than 64 KiB\"}");
        return;
      }
      List<String> args = new ArrayList<>();
      Json.MAPPER.readTree(body).get("args").forEach(a -> args.add(a.asText()));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int code;
      BORROWED.set(new Borrowed(store));
      try {
        code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
      } finally {
        BORROWED.remove();
      }
      Map<String, Object> answer = new LinkedHashMap<>();
      answer.put("code", code);
      answer.put("out", out.toString());
      answer.put("err", err.toString());
      reply(exchange, 200, Json.MAPPER.writeValueAsString(answer));
    } catch (RuntimeException e) {
      reply(
          exchange,
          400,
          Json.MAPPER.writeValueAsString(Map.of("error", String.valueOf(e.getMessage()))));
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** The serving process's store, lent to one command: closing it leaves it open. */
  private record Borrowed(Store store) implements Store {
    @Override
    public Dialect dialect() {
      return store.dialect();
    }

    @Override
    public String describe() {
      return store.describe();
    }

    @Override
    public Loader loader() {
      return store.loader();
    }

    @Override
    public long dataVersion() {
      return store.dataVersion();
    }

    @Override
    public long count(io.yardstick.model.RecordType type) {
      return store.count(type);
    }

    @Override
    public List<Object[]> query(String sql, Object... params) {
      return store.query(sql, params);
    }

    @Override
    public List<Object[]> query(Bounds bounds, String sql, Object... params) {
      return store.query(bounds, sql, params);
    }

    @Override
    public int update(String sql, Object... params) {
      return store.update(sql, params);
    }

    @Override
    public Erased erase(Erasure what) {
      return store.erase(what);
    }

    @Override
    public void close() {
      // lent: the serving process closes it
    }
  }
}
