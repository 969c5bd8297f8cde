package io.yardstick.server.api;

import io.javalin.http.Context;

/** The address of the client a request came from: the one place the log-in throttle and the audit log ask. */
public final class ClientAddress {
  private ClientAddress() {}

  public static String of(Context ctx) {
    return ctx.ip();
  }
}
