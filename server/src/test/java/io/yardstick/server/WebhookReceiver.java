package io.yardstick.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real local HTTP endpoint that receives the server's webhooks (alerts, SLA notices) and keeps
 * what it accepted, for tests that check a notice is sent once and signed.
 */
final class WebhookReceiver implements AutoCloseable {
  /** A webhook request that the receiver accepted (2xx). */
  record Delivery(String key, String signature, String body) {}

  private final HttpServer server;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();

  /**
   * Starts a receiver on a free local port.
   *
   * @param failures how many first calls it answers 503 (so that a delivery comes from a retry)
   */
  WebhookReceiver(int failures) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/hook",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = calls.incrementAndGet() <= failures ? 503 : 204;
          if (status == 204) {
            deliveries.add(
                new Delivery(
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    exchange.getRequestHeaders().getFirst("X-Yardstick-Signature"),
                    new String(body, StandardCharsets.UTF_8)));
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  /** The address to give a rule's {@code webhook:} target. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** The requests accepted so far, in order. */
  List<Delivery> deliveries() {
    return deliveries;
  }

  /** Every request received, refused ones included. */
  int calls() {
    return calls.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
