package io.yardstick.server.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.yardstick.server.auth.Auth;
import io.yardstick.store.Store;
import io.yardstick.user.Role;
import io.yardstick.user.User;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON API of customers' data: erasure on request (admins). */
public final class CustomerRoutes {
  private final Store store;
  private final java.time.Clock clock;

  public CustomerRoutes(Store store, java.time.Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public void register(Javalin app) {
    app.delete("/api/customers/{id}", this::eraseCustomer);
  }

  /**
   * Erases a customer's records (admins): the answer and the audit log carry the counts, the audit
   * log a hash of the id (docs/security.md#erasure-and-retention).
   */
  private void eraseCustomer(Context ctx) {
    User admin = Auth.requireRole(ctx, Role.ADMIN);
    Store.Erased e =
        new io.yardstick.erasure.Erasures(store, clock)
            .customer(ctx.pathParam("id"), admin.name(), ClientAddress.of(ctx));
    AuditRoutes.detail(ctx, e.describe());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("contacts", e.contacts());
    out.put("surveys", e.surveys());
    out.put("call_outcomes", e.callOutcomes());
    out.put("customers", e.customers());
    out.put("customer_attributes", e.customerAttributes());
    ctx.json(out);
  }
}
