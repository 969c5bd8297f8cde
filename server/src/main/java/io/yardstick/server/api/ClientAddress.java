package io.yardstick.server.api;

import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The address of the client a request came from, and whether it came over HTTPS: the one place the
 * log-in throttle, the audit log and the session cookie ask. Behind a reverse proxy that is trusted
 * (its address listed), the client is the last address of {@code X-Forwarded-For} that is not a
 * trusted proxy, and {@code X-Forwarded-Proto: https} makes the request secure; from anyone else
 * those headers are ignored, so a client cannot choose its own address.
 */
public final class ClientAddress {
  private static final String ADDRESS = "yardstick.client.address";
  private static final String SECURE = "yardstick.client.secure";

  private ClientAddress() {}

  /** Works out the client of a request (a before-handler of the server, ahead of every other). */
  public static void resolve(Context ctx, Set<String> trustedProxies) {
    String peer = ctx.req().getRemoteAddr();
    if (trustedProxies.isEmpty() || !trustedProxies.contains(peer)) return;
    String forwarded = ctx.header("X-Forwarded-For");
    if (forwarded != null) {
      List<String> hops =
          Arrays.stream(forwarded.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
      for (int i = hops.size() - 1; i >= 0; i--) {
        if (!trustedProxies.contains(hops.get(i)) || i == 0) {
          ctx.attribute(ADDRESS, hops.get(i));
          break;
        }
      }
    }
    String proto = ctx.header("X-Forwarded-Proto");
    if (proto != null) ctx.attribute(SECURE, "https".equalsIgnoreCase(proto.strip()));
  }

  public static String of(Context ctx) {
    String forwarded = ctx.attribute(ADDRESS);
    return forwarded != null ? forwarded : ctx.ip();
  }

  /** Whether the client's connection is HTTPS (directly, or to a trusted proxy that says so). */
  public static boolean secure(Context ctx) {
    Boolean forwarded = ctx.attribute(SECURE);
    return forwarded != null ? forwarded : "https".equals(ctx.scheme());
  }
}
