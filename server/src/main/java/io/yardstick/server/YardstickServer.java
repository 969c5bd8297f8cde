package io.yardstick.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.yardstick.LimitException;
import io.yardstick.YardstickException;
import io.yardstick.alert.AlertRules;
import io.yardstick.alert.AlertService;
import io.yardstick.alert.AlertSettings;
import io.yardstick.audit.AuditLog;
import io.yardstick.erasure.Erasures;
import io.yardstick.event.EventIngestor;
import io.yardstick.forecast.DailyForecast;
import io.yardstick.forecast.ForecastSettings;
import io.yardstick.forecast.Forecaster;
import io.yardstick.kpi.KpiEngine;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.report.Deliveries;
import io.yardstick.report.DeliveryService;
import io.yardstick.report.ReportSettings;
import io.yardstick.server.api.Admission;
import io.yardstick.server.api.AlertRoutes;
import io.yardstick.server.api.ApiException;
import io.yardstick.server.api.AuditRoutes;
import io.yardstick.server.api.ClientAddress;
import io.yardstick.server.api.CustomerRoutes;
import io.yardstick.server.api.EventRoutes;
import io.yardstick.server.api.ForecastRoutes;
import io.yardstick.server.api.GoalRoutes;
import io.yardstick.server.api.ReportBundles;
import io.yardstick.server.api.ReportRoutes;
import io.yardstick.server.api.Routes;
import io.yardstick.server.api.SsoRoutes;
import io.yardstick.server.api.SurveyRoutes;
import io.yardstick.server.api.UserRoutes;
import io.yardstick.server.auth.Auth;
import io.yardstick.server.auth.Sessions;
import io.yardstick.settings.Labels;
import io.yardstick.settings.Settings;
import io.yardstick.sla.SlaEvaluator;
import io.yardstick.sla.SlaTargets;
import io.yardstick.store.Store;
import io.yardstick.store.StoreException;
import io.yardstick.survey.InvitationSender;
import io.yardstick.survey.SurveyService;
import io.yardstick.survey.SurveySettings;
import io.yardstick.survey.Surveys;
import io.yardstick.user.SsoSettings;
import io.yardstick.user.User;
import io.yardstick.user.Users;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face: the JSON API under {@code /api}, the web pages, {@code /health} and {@code
 * /openapi.json}. Wiring only; every number comes from the core.
 *
 * <pre>{@code
 * try (YardstickServer server = YardstickServer.start(store, settings, Clock.systemUTC(), 8080)) {
 *   System.out.println("http://localhost:" + server.port() + "/");
 * }
 * }</pre>
 */
public final class YardstickServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("yardstick.http");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> OPEN =
      Set.of("/api/login", "/api/logout", "/api/sso", "/api/sso/login", "/api/sso/callback");

  private final Javalin app;
  private final EventIngestor ingestor;
  private final AlertService alerts;

  private final java.util.concurrent.ScheduledExecutorService retention;
  private SurveyService surveys;

  private final DeliveryService reports;

  private YardstickServer(
      Javalin app,
      EventIngestor ingestor,
      AlertService alerts,
      java.util.concurrent.ScheduledExecutorService retention,
      DeliveryService reports) {
    this.reports = reports;
    this.app = app;
    this.ingestor = ingestor;
    this.alerts = alerts;
    this.retention = retention;
  }

  /**
   * Applies {@code retention.contacts_months} at start and then daily (null when contacts are kept
   * for ever); a failure is logged and tried again the next day.
   */
  private static java.util.concurrent.ScheduledExecutorService retention(
      Store store, KpiSettings settings, SlaEvaluator sla, Clock clock) {
    // The same thread refreshes the SLA targets every 5 minutes when the settings file has
    // sla_policies (docs/sla.md).
    boolean retain = settings.retention().cutoff(clock).isPresent();
    if (!retain && sla.policies().isEmpty()) return null;
    java.util.concurrent.ScheduledExecutorService daily =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "yardstick-retention");
              t.setDaemon(true);
              return t;
            });
    if (!sla.policies().isEmpty())
      daily.scheduleWithFixedDelay(
          () -> {
            try {
              SlaTargets.refresh(store, sla, clock.instant());
            } catch (RuntimeException e) {
              LOG.error(
                  "The SLA targets could not be refreshed; they are tried again in 5 minutes", e);
            }
          },
          0,
          5,
          java.util.concurrent.TimeUnit.MINUTES);
    if (retain)
      daily.scheduleAtFixedRate(
          () -> {
            try {
              new Erasures(store, clock)
                  .retention(settings.retention(), "system:retention", "local")
                  .ifPresent(
                      e ->
                          LOG.info(
                              "Retention of "
                                  + settings.retention().contactsMonths()
                                  + " months: erased "
                                  + e.describe()
                                  + "."));
            } catch (RuntimeException e) {
              LOG.error("Retention failed; it runs again in a day", e);
            }
          },
          0,
          1,
          java.util.concurrent.TimeUnit.DAYS);
    return daily;
  }

  /**
   * Schedules the daily forecast of every channel and queue (docs/forecasting.md, "Daily forecast")
   * on its own daemon thread; {@code yardstick serve} calls it, tests do not. A failure is logged
   * and tried again the next day.
   */
  public void scheduleDailyForecast(Store store, DailyForecast daily, Clock clock) {
    scheduleDailyForecast(store, daily, ForecastSettings.none(), clock);
  }

  /**
   * {@link #scheduleDailyForecast(Store, DailyForecast, Clock)} following the settings file's
   * {@code forecast} section (holiday calendars per series, closures, campaigns).
   */
  public void scheduleDailyForecast(
      Store store, DailyForecast daily, ForecastSettings settings, Clock clock) {
    if (!daily.enabled()) return;
    java.util.concurrent.ScheduledExecutorService exec =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "yardstick-daily-forecast");
              t.setDaemon(true);
              return t;
            });
    Runnable task =
        new Runnable() {
          @Override
          public void run() {
            try {
              int n = daily.run(store, clock, settings);
              LOG.info("Daily forecast: " + n + " series forecast and stored.");
            } catch (RuntimeException e) {
              LOG.error("Daily forecast failed; it runs again tomorrow", e);
            } finally {
              exec.schedule(
                  this,
                  daily.untilNext(clock).toMillis(),
                  java.util.concurrent.TimeUnit.MILLISECONDS);
            }
          }
        };
    // A run missed (a new store, or the server down at the time) is made at once, then daily.
    long first = daily.untilNext(clock).toMillis();
    try {
      if (daily.missed(new Forecaster(store, clock).lastMadeAt().orElse(null), clock)) first = 0;
    } catch (RuntimeException e) {
      LOG.warn(
          "Daily forecast: could not read when the last forecast was made; next run as scheduled",
          e);
    }
    exec.schedule(task, first, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  public static YardstickServer start(Store store, KpiSettings settings, Clock clock, int port) {
    return start(store, settings, clock, port, AlertSettings.fromEnvironment());
  }

  /**
   * Where the server listens and whom it trusts: {@code bind} the address (null: every interface),
   * {@code trustedProxies} the addresses of reverse proxies whose {@code X-Forwarded-For} and
   * {@code X-Forwarded-Proto} are believed (docs/security.md#deployment), {@code sso} the identity
   * provider whose sign-ins it accepts (null: none).
   */
  public record Network(String bind, Set<String> trustedProxies, Tls tls, SsoSettings sso) {
    public Network {
      trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
      if (bind != null && bind.isBlank()) bind = null;
    }

    public Network(String bind, Set<String> trustedProxies, Tls tls) {
      this(bind, trustedProxies, tls, null);
    }

    /**
     * The same, with single sign-on through an OpenID Connect provider (null: off;
     * docs/security.md).
     */
    public Network withSso(SsoSettings sso) {
      return new Network(bind, trustedProxies, tls, sso);
    }

    public Network(String bind, Set<String> trustedProxies) {
      this(bind, trustedProxies, null);
    }

    public static Network everywhere() {
      return new Network(null, Set.of());
    }
  }

  /** The one connector of a server with its own TLS: HTTPS only, on the port and address asked. */
  private static org.eclipse.jetty.server.Connector https(
      org.eclipse.jetty.server.Server server,
      org.eclipse.jetty.server.HttpConfiguration base,
      Network network,
      int port) {
    org.eclipse.jetty.util.ssl.SslContextFactory.Server ssl =
        new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
    ssl.setKeyStore(network.tls().keyStore());
    ssl.setKeyStorePassword(network.tls().password());
    org.eclipse.jetty.server.HttpConfiguration config =
        new org.eclipse.jetty.server.HttpConfiguration(base);
    // No SNI host check: clients may reach the server by an address the certificate does not name
    // (a proxy, a test).
    org.eclipse.jetty.server.SecureRequestCustomizer secure =
        new org.eclipse.jetty.server.SecureRequestCustomizer();
    secure.setSniHostCheck(false);
    config.addCustomizer(secure);
    org.eclipse.jetty.server.ServerConnector connector =
        new org.eclipse.jetty.server.ServerConnector(
            server,
            new org.eclipse.jetty.server.SslConnectionFactory(ssl, "http/1.1"),
            new org.eclipse.jetty.server.HttpConnectionFactory(config));
    connector.setPort(port);
    connector.setHost(network.bind());
    return connector;
  }

  /** A server whose alert notifications go out as {@code alertSettings} say (docs/alerts.md). */
  public static YardstickServer start(
      Store store, KpiSettings settings, Clock clock, int port, AlertSettings alertSettings) {
    return start(store, settings, clock, port, alertSettings, Network.everywhere());
  }

  /**
   * A server listening on {@code network.bind()} and trusting the proxies it names, other settings
   * the defaults.
   */
  public static YardstickServer start(
      Store store,
      KpiSettings settings,
      Clock clock,
      int port,
      AlertSettings alertSettings,
      Network network) {
    return start(store, Settings.defaults().withKpi(settings), clock, port, alertSettings, network);
  }

  /** A server whose scheduled reports go out as {@code reportSettings} say (docs/reports.md). */
  public static YardstickServer start(
      Store store,
      KpiSettings settings,
      Clock clock,
      int port,
      AlertSettings alertSettings,
      Network network,
      ReportSettings reportSettings) {
    return start(
        store,
        Settings.defaults().withKpi(settings),
        clock,
        port,
        alertSettings,
        network,
        reportSettings);
  }

  /** A server that sends and takes surveys as {@code surveySettings} say (docs/surveys.md). */
  public static YardstickServer start(
      Store store,
      KpiSettings settings,
      Clock clock,
      int port,
      AlertSettings alertSettings,
      Network network,
      SurveySettings surveySettings) {
    return start(
        store,
        Settings.defaults().withKpi(settings).with(Settings.SURVEYS, surveySettings),
        clock,
        port,
        alertSettings,
        network);
  }

  /**
   * A server with the settings read once by the caller (the settings file: KPIs, goals...;
   * docs/settings.md).
   */
  public static YardstickServer start(
      Store store,
      Settings all,
      Clock clock,
      int port,
      AlertSettings alertSettings,
      Network network) {
    return start(store, all, clock, port, alertSettings, network, ReportSettings.fromEnvironment());
  }

  /** The same, with the scheduled reports' settings given. */
  public static YardstickServer start(
      Store store,
      Settings all,
      Clock clock,
      int port,
      AlertSettings alertSettings,
      Network network,
      ReportSettings reportSettings) {
    KpiSettings settings = all.kpi();
    SurveySettings surveySettings = all.get(Settings.SURVEYS);
    store.queryTimeout(settings.limits().queryTimeout()); // no request's query runs unbounded
    Users users = new Users(store, clock);
    Sessions sessions = new Sessions(clock, Duration.ofHours(12));
    Auth auth = new Auth(users, sessions);
    Javalin app =
        Javalin.create(
            config -> {
              config.showJavalinBanner = false;
              config.jsonMapper(new JavalinJackson(JSON, false));
              config.staticFiles.add(
                  s -> {
                    s.hostedPath = "/";
                    s.directory = "/io/yardstick/server/web";
                    s.location = Location.CLASSPATH;
                  });
              config.staticFiles.enableWebjars();
              config.http.maxRequestSize = settings.limits().maxBodyBytes();
              // An Error (out of memory, stack overflow) still answers the one JSON shape, with an
              // id to find it in the log.
              // Javalin 6 keeps this setter Kotlin-internal (hence the name); its default answers
              // an empty 500.
              config.router.setJavaLangErrorHandler$javalin(
                  (res, error) -> {
                    String id = errorId();
                    LOG.error("Error " + id + " (" + error + ")", error);
                    try {
                      res.setStatus(500);
                      res.setContentType("application/json");
                      res.setHeader("Cache-Control", "no-store");
                      res.getOutputStream()
                          .write(
                              JSON.writeValueAsBytes(
                                  errorBody(500, "Server error", serverError(id))));
                    } catch (IOException | RuntimeException e) {
                      // the response is gone; the log has the error
                    }
                  });
              config.jetty.modifyServer(
                  server -> {
                    server.setStopTimeout(5_000);
                    // Jetty answers a request it cannot parse (an address over 8 KB: 414; headers
                    // too large: 431) before Javalin sees it: in the one error shape too.
                    server.setErrorHandler(new BadMessages());
                  });
              if (network.tls() != null)
                config.jetty.addConnector((server, base) -> https(server, base, network, port));
              config.requestLogger.http(
                  (ctx, ms) -> {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("method", ctx.method().name());
                    line.put("path", loggedPath(ctx));
                    line.put("status", ctx.statusCode());
                    line.put("ms", Math.round(ms * 10) / 10.0);
                    Object user = ctx.attribute("yardstick.user");
                    if (user instanceof User u) line.put("user", u.name());
                    try {
                      LOG.info(JSON.writeValueAsString(line));
                    } catch (IOException e) {
                      LOG.info(line.toString());
                    }
                  });
            });
    app.before(ctx -> ClientAddress.resolve(ctx, network.trustedProxies()));
    app.before(
        ctx -> {
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("X-Frame-Options", "DENY");
          ctx.header("Referrer-Policy", "no-referrer");
          ctx.header(
              "Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; style-src 'self';"
                  + " script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        });
    app.before(
        "/api/*", ctx -> ctx.header("Cache-Control", "no-store")); // answers carry customer data
    app.before(
        ctx -> {
          // HSTS under TLS: the server's own, or a trusted proxy's (X-Forwarded-Proto: https).
          if (ClientAddress.secure(ctx)) {
            ctx.header("Strict-Transport-Security", "max-age=31536000");
          }
        });
    app.before(ctx -> limitBody(ctx, settings.limits().maxBodyBytes()));
    app.before(
        "/api/*",
        ctx -> {
          // The survey page's routes are public: a signed token per invitation stands in for a
          // log-in (docs/surveys.md).
          if (!OPEN.contains(ctx.path()) && !ctx.path().startsWith("/api/public/"))
            auth.require(ctx);
        });
    new Admission(settings.limits())
        .guard(
            app,
            List.of(
                "/api/kpi",
                "/api/series",
                "/api/agents",
                "/api/consistency",
                "/api/topics",
                "/api/contacts",
                "/api/forecast",
                "/api/staffing",
                "/api/goals",
                "/api/views"));
    app.get("/health", ctx -> ctx.header("Cache-Control", "no-store").json(Map.of("status", "ok")));
    app.get(
        "/openapi.json",
        ctx -> {
          try (InputStream in = YardstickServer.class.getResourceAsStream("openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
          }
        });
    new AuditRoutes(new AuditLog(store, clock)).register(app);
    new Routes(store, settings, users).register(app);
    new UserRoutes(users, auth, sessions, clock).register(app);
    new CustomerRoutes(store, clock).register(app);
    new SsoRoutes(store, clock, network.sso(), auth, sessions).register(app);
    // The names of stored values in each language (the settings file's labels section), for the
    // pages.
    Labels labels = all.get(Settings.LABELS);
    app.get("/api/labels", ctx -> ctx.json(java.util.Map.of("labels", labels.names())));
    new GoalRoutes(store, settings, all.goals(), clock).register(app);
    EventIngestor ingestor = new EventIngestor(store, clock);
    AlertService alerts =
        AlertService.start(store, new KpiEngine(store, settings), ingestor, clock, alertSettings);
    new EventRoutes(ingestor, clock, settings.limits()).register(app);
    new AlertRoutes(store, new AlertRules(store, clock), alerts, alertSettings.privateWebhooks())
        .register(app);
    new ForecastRoutes(store, clock, all.get(Settings.FORECAST)).register(app);
    DeliveryService reports =
        DeliveryService.start(
            Deliveries.standard(
                store,
                new KpiEngine(store, settings),
                clock,
                alertSettings,
                reportSettings,
                lang -> ReportBundles.text(lang).withLabels(labels)),
            reportSettings);
    new ReportRoutes(store, settings, clock, reports, alertSettings.privateWebhooks(), labels)
        .register(app);
    Surveys surveys =
        new Surveys(
            store, clock, surveySettings, ingestor, InvitationSender.standard(alertSettings));
    new SurveyRoutes(surveys, clock).register(app);
    app.exception(
        ApiException.class,
        (e, ctx) -> {
          if (e.retryAfterSeconds() >= 0)
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
          error(ctx, e.status(), e.title(), e.getMessage());
        });
    app.exception(
        LimitException.class,
        (e, ctx) -> {
          if (e.timedOut()) ctx.header("Retry-After", "30");
          error(
              ctx,
              e.timedOut() ? 503 : 400,
              e.timedOut() ? "Query cancelled" : "Bad request",
              e.getMessage());
        });
    app.exception(
        StoreException.class,
        (e, ctx) -> {
          // The store's message carries the SQL: it goes to the log, the answer carries only the
          // error's id.
          String id = errorId();
          LOG.error(
              "Error " + id + " on " + ctx.method() + " " + loggedPath(ctx) + ": " + e.getMessage(),
              e);
          error(ctx, 500, "Server error", serverError(id));
        });
    app.exception(
        YardstickException.class, (e, ctx) -> error(ctx, 400, "Bad request", e.getMessage()));
    app.exception(
        com.fasterxml.jackson.core.JacksonException.class,
        (e, ctx) -> error(ctx, 400, "Bad request", notJson(e)));
    app.exception(
        io.javalin.http.HttpResponseException.class,
        (e, ctx) -> {
          if (e.getStatus() == 404) {
            notFound(ctx);
          } else {
            error(
                ctx,
                e.getStatus(),
                io.javalin.http.HttpStatus.forStatus(e.getStatus()).getMessage(),
                e.getStatus() == 413
                    ? "The body is larger than "
                        + settings.limits().maxBodyBytes()
                        + " bytes, the most"
                        + " read per request (limits.max_body_kilobytes in the settings file)."
                    : e.getMessage());
          }
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          Throwable json =
              causes(e)
                  .filter(c -> c instanceof com.fasterxml.jackson.core.JacksonException)
                  .findFirst()
                  .orElse(null);
          if (json
              != null) { // a body Javalin could not map: Jackson's exception wrapped in Javalin's
            error(
                ctx,
                400,
                "Bad request",
                notJson((com.fasterxml.jackson.core.JacksonException) json));
            return;
          }
          String id = errorId();
          LOG.error("Error " + id + " on " + ctx.method() + " " + loggedPath(ctx), e);
          error(ctx, 500, "Server error", serverError(id));
        });
    app.error(
        404,
        ctx -> {
          if (!"application/json".equals(ctx.res().getContentType())) notFound(ctx);
        });
    YardstickServer server =
        new YardstickServer(
            app,
            ingestor,
            alerts,
            retention(store, settings, all.get(Settings.SLA), clock),
            reports);
    server.surveys = SurveyService.start(surveys, ingestor, java.time.Duration.ofSeconds(30));
    try {
      if (network.bind() == null) {
        app.start(port);
      } else {
        app.start(network.bind(), port);
      }
    } catch (Exception e) { // Javalin rethrows Jetty's failure unchecked, as an ExecutionException
      alerts.close(); // Javalin has stopped itself already
      server.surveys.close();
      ingestor.close();
      if (server.retention != null) server.retention.shutdownNow();
      boolean inUse = causes(e).anyMatch(c -> c instanceof java.net.BindException) || !free(port);
      throw new YardstickException(
          inUse
              ? "Port "
                  + port
                  + " is in use (another Yardstick, or another server?); choose another with --port."
              : "The server could not start on port " + port + ": " + e.getMessage(),
          e);
    }
    return server;
  }

  /**
   * Every request body is bounded before anything reads it: a declared length over the limit
   * answers 413, and a body of unknown length (chunked) answers 411, since Jetty stops reading at
   * the declared length.
   */
  private static void limitBody(io.javalin.http.Context ctx, long max) {
    long length = ctx.req().getContentLengthLong();
    if (length > max) {
      throw new ApiException(
          413,
          "Body too large",
          "The body has "
              + length
              + " bytes; at most "
              + max
              + " bytes"
              + " are read per request (limits.max_body_kilobytes in the settings file). Send less: events in batches"
              + " (docs/alerts.md).");
    }
    if (length < 0 && ctx.header("Transfer-Encoding") != null) {
      throw new ApiException(
          411,
          "Length required",
          "Send the body with a Content-Length header (at most "
              + max
              + " bytes); bodies of unknown length are not read.");
    }
  }

  /**
   * The path as the log shows it: a customer's id is personal data, so the erasure route is logged
   * as its template (the audit log records a hash of the id;
   * docs/security.md#erasure-and-retention).
   */
  static String loggedPath(io.javalin.http.Context ctx) {
    String path = ctx.path();
    return path.startsWith("/api/customers/") ? "/api/customers/{id}" : path;
  }

  private static boolean free(int port) {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(port)) {
      return probe.isBound();
    } catch (IOException e) {
      return false;
    }
  }

  private static java.util.stream.Stream<Throwable> causes(Throwable e) {
    return java.util.stream.Stream.iterate(e, java.util.Objects::nonNull, Throwable::getCause)
        .limit(20);
  }

  /** Jetty's answers to requests it could not parse, as JSON in the one error shape. */
  private static final class BadMessages extends org.eclipse.jetty.server.handler.ErrorHandler {
    @Override
    public java.nio.ByteBuffer badMessageError(
        int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
      fields.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
      fields.put(org.eclipse.jetty.http.HttpHeader.CACHE_CONTROL, "no-store");
      String details =
          switch (status) {
            case 414 ->
                "The request's address is too long (over 8 KB); ask for fewer values at once, or"
                    + " send them in several requests.";
            case 431 -> "The request's headers are too large.";
            default ->
                "The request could not be read" + (reason == null ? "." : ": " + reason + ".");
          };
      try {
        return java.nio.ByteBuffer.wrap(
            JSON.writeValueAsBytes(
                errorBody(
                    status,
                    reason == null ? org.eclipse.jetty.http.HttpStatus.getMessage(status) : reason,
                    details)));
      } catch (IOException e) {
        return super.badMessageError(status, reason, fields);
      }
    }
  }

  /** The one error shape: {title, status, type, details}. */
  private static void error(io.javalin.http.Context ctx, int status, String title, String details) {
    ctx.header("Cache-Control", "no-store");
    ctx.status(status).json(errorBody(status, title, details));
  }

  private static Map<String, Object> errorBody(int status, String title, String details) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", title);
    body.put("status", status);
    body.put("type", "https://yardstick.io/errors/" + status);
    body.put("details", details);
    return body;
  }

  private static void notFound(io.javalin.http.Context ctx) {
    error(
        ctx,
        404,
        "Not found",
        "There is no "
            + ctx.method().name()
            + " "
            + ctx.path()
            + "; the API is described"
            + " at /openapi.json.");
  }

  /** A short random id that an answer and its log line share. */
  private static String errorId() {
    return java.util.HexFormat.of()
        .toHexDigits(java.util.concurrent.ThreadLocalRandom.current().nextInt());
  }

  private static String serverError(String id) {
    return "The server could not answer; the error's id is "
        + id
        + " (the server's log has the details under it).";
  }

  /** What was wrong with a JSON body, by line and column, without the parser's class names. */
  private static String notJson(com.fasterxml.jackson.core.JacksonException e) {
    com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
    return "The body is not the JSON expected"
        + (at == null || at.getLineNr() < 1
            ? ""
            : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
        + "; send a JSON object as"
        + " /openapi.json describes for this route.";
  }

  public int port() {
    return app.port();
  }

  /** Alerting of this server: evaluation on demand, waiting for notifications (tests). */
  public AlertService alerts() {
    return alerts;
  }

  /** Scheduled reports of this server: a tick on demand (tests). */
  public DeliveryService reports() {
    return reports;
  }

  /** Live events of this server. */
  public EventIngestor events() {
    return ingestor;
  }

  /** Surveys of this server: planning and sending on demand (tests). */
  public SurveyService surveys() {
    return surveys;
  }

  @Override
  public void close() {
    if (retention != null) retention.shutdownNow();
    reports.close();
    app.stop();
    surveys.close();
    alerts.close();
    ingestor.close();
  }
}
