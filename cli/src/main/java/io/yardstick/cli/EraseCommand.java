package io.yardstick.cli;

import io.yardstick.audit.AuditLog;
import io.yardstick.erasure.Erasures;
import io.yardstick.kpi.Retention;
import io.yardstick.store.Store;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code yardstick erase customer ID} and {@code yardstick erase --retention}: erasure, recorded in
 * the audit log.
 */
@Command(
    name = "erase",
    subcommands = EraseCommand.Customer.class,
    description = {
      "Erase personal data, in one transaction, keeping the KPIs of what remains exact (docs/security.md#erasure-and-retention).",
      "  erase customer ID    a customer's contacts, surveys, call outcomes, customer record and attributes",
      "  erase --retention    contacts and surveys older than retention.contacts_months of the settings file"
    })
final class EraseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--retention",
      description = "Erase what is older than retention.contacts_months allows.")
  boolean retention;

  @Mixin SettingsOption settings;

  @Mixin DbOption db;

  @Override
  public Integer call() {
    if (!retention) {
      throw new ParameterException(
          spec.commandLine(),
          "Say what to erase: 'erase customer ID', or 'erase"
              + " --retention' for what is older than retention.contacts_months of the settings file.");
    }
    Retention r = settings.load().retention();
    try (Store store = db.open()) {
      Optional<Store.Erased> erased =
          new Erasures(store, Clock.systemUTC()).retention(r, AuditLog.osUser(), "local");
      spec.commandLine()
          .getOut()
          .println(
              erased
                  .map(
                      e ->
                          "Erased what arrived before "
                              + r.cutoff(Clock.systemUTC()).orElseThrow()
                              + " ("
                              + r.contactsMonths()
                              + " months): "
                              + e.describe()
                              + ".")
                  .orElse(
                      "Nothing erased: the settings keep contacts for ever (set retention.contacts_months, docs/settings.md)."));
    }
    return 0;
  }

  @Command(name = "customer", description = "Erase every record of one customer.")
  static final class Customer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "The customer_id.")
    String id;

    @Mixin DbOption db;

    @Override
    public Integer call() {
      try (Store store = db.open()) {
        Store.Erased e =
            new Erasures(store, Clock.systemUTC()).customer(id, AuditLog.osUser(), "local");
        spec.commandLine()
            .getOut()
            .println(
                (e.total() == 0 ? "Nothing stored of customer " : "Erased customer ")
                    + id.strip()
                    + ": "
                    + e.describe()
                    + ".");
      }
      return 0;
    }
  }
}
