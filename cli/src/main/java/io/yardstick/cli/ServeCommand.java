package io.yardstick.cli;

import io.yardstick.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yardstick serve}: the dashboard and the HTTP API. */
@Command(name = "serve", description = "Serve the web dashboard and the HTTP API (OpenAPI at /openapi.json) until"
    + " stopped with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080", description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Mixin DbOption db;

  @Mixin SettingsOption settings;

  @Mixin LogOption log;

  @Override
  public Integer call() throws Exception {
    String logTo = log.configure(db.location());
    try (Store store = db.open()) {
      Serving.serveUntilStopped(store, db.location(), settings.load(), port, logTo, spec.commandLine().getOut());
    }
    return 0;
  }
}
