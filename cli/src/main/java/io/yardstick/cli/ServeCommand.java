package io.yardstick.cli;

import io.yardstick.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code yardstick serve}: the dashboard and the HTTP API. */
@Command(
    name = "serve",
    description =
        "Serve the web dashboard and the HTTP API (OpenAPI at /openapi.json) until"
            + " stopped with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "8080",
      description = "TCP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description =
          "The address to listen on, such as 127.0.0.1"
              + " behind a reverse proxy on the same machine (default: every interface).")
  String bind;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDRESS",
      description =
          "A reverse proxy whose X-Forwarded-For"
              + " and X-Forwarded-Proto are believed (repeat for more); see docs/security.md#deployment.")
  java.util.List<String> trustedProxies = new java.util.ArrayList<>();

  @Option(
      names = "--tls-keystore",
      paramLabel = "FILE",
      description =
          "Serve HTTPS with the key and certificate of"
              + " this PKCS12 file; its password in $YARDSTICK_TLS_PASSWORD.")
  java.nio.file.Path keystore;

  @Option(
      names = "--tls-cert",
      paramLabel = "FILE",
      description = "Serve HTTPS with this PEM certificate chain (with" + " --tls-key).")
  java.nio.file.Path cert;

  @Option(
      names = "--tls-key",
      paramLabel = "FILE",
      description = "The PEM private key (PKCS#8, unencrypted) of" + " --tls-cert.")
  java.nio.file.Path key;

  @Mixin DbOption db;

  @Mixin SettingsOption settings;

  @Mixin LogOption log;

  @Override
  public Integer call() throws Exception {
    if ((cert == null) != (key == null) || keystore != null && cert != null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "TLS needs --tls-keystore FILE, or" + " --tls-cert FILE with --tls-key FILE.");
    }
    io.yardstick.server.Tls tls =
        keystore != null
            ? io.yardstick.server.Tls.keystore(keystore, System.getenv("YARDSTICK_TLS_PASSWORD"))
            : cert != null ? io.yardstick.server.Tls.pem(cert, key) : null;
    String logTo = log.configure(db.location());
    try (Store store = db.open()) {
      settings.audit(store, "serve");
      Serving.serveUntilStopped(
          store,
          db.location(),
          settings.settings(),
          port,
          logTo,
          new io.yardstick.server.YardstickServer.Network(
                  bind, java.util.Set.copyOf(trustedProxies), tls)
              .withSso(settings.settings().get(io.yardstick.settings.Settings.SSO).orElse(null)),
          spec.commandLine().getOut());
    }
    return 0;
  }
}
