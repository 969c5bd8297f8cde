package io.yardstick.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.yardstick.alert.AlertSettings;
import io.yardstick.kpi.KpiSettings;
import io.yardstick.user.SsoSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on in real headless Chromium against a real OpenID Connect provider in this JVM: the
 * log-in page's "Sign in with ..." button, the round trip through the provider, the dashboard, a
 * refusal's message, and the logout that ends the provider's session too. With local passwords off,
 * the password form is folded away for break-glass use.
 */
class SsoBrowserTest {
  private static final String CHROMIUM = envOr("YARDSTICK_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      envOr("YARDSTICK_CHROMEDRIVER", "/usr/bin/chromedriver");

  @TempDir Path temp;
  private MockOAuth2Server provider;
  private YardstickServer server;
  private ChromeDriver browser;

  @AfterEach
  void stop() {
    if (browser != null) browser.quit();
    if (server != null) server.close();
    if (provider != null) provider.shutdown();
  }

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    wait.pollingEvery(Duration.ofMillis(50));
    return wait;
  }

  private void start() throws Exception {
    provider = new MockOAuth2Server();
    provider.start();
    String issuer = provider.issuerUrl("default").toString().replaceAll("/$", "");
    SsoSettings sso =
        SsoSettings.parse(
                """
        sso:
          issuer: %s
          client_id: yardstick
          label: Acme ID
          roles: {claim: groups, manager: [kpi-managers]}
          local_passwords: false
          break_glass: [root]
        """
                    .formatted(issuer),
                "browser-sso.yaml",
                Map.of())
            .orElseThrow();
    server =
        YardstickServer.start(
            TestServer.get().store,
            KpiSettings.defaults(),
            Clock.systemUTC(),
            0,
            AlertSettings.fromEnvironment(),
            new YardstickServer.Network(null, Set.of()).withSso(sso));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory(temp, "profile"),
        "--window-size=1200,900",
        "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build(),
            options);
  }

  private String url(String path) {
    return "http://localhost:" + server.port() + path;
  }

  @Test
  void a_person_signs_in_with_the_button_sees_the_dashboard_and_logs_out_of_the_provider_too()
      throws Exception {
    start();
    String name = "sso-browser-" + System.nanoTime() % 1_000_000;
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            "sub-" + name,
            "JWT",
            null,
            Map.of("preferred_username", name, "groups", List.of("kpi-managers")),
            3600));

    browser.get(url("/"));
    var button = waiting().until(ExpectedConditions.elementToBeClickable(By.id("sso-login")));
    assertThat(button.getText()).isEqualTo("Sign in with Acme ID");
    // Local passwords are off: the password form waits folded behind the break-glass link.
    assertThat(browser.findElement(By.id("login-form")).isDisplayed()).isFalse();
    browser.findElement(By.id("break-glass")).click();
    assertThat(browser.findElement(By.id("login-form")).isDisplayed()).isTrue();

    button.click();
    var user =
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".user-name")));
    assertThat(user.getText()).isEqualTo(name + " (manager)");
    assertThat(browser.getCurrentUrl()).startsWith(url("/"));

    browser.findElement(By.id("logout")).click();
    // The provider ends its session and sends the browser back to the log-in page.
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sso-login")));
    assertThat(browser.getCurrentUrl()).startsWith(url("/"));
    browser.get(url("/api/me"));
    assertThat(browser.getPageSource()).contains("Log in first");
  }

  @Test
  void a_refused_sign_in_says_why_on_the_log_in_page() throws Exception {
    start();
    provider.enqueueCallback(
        new DefaultOAuth2TokenCallback(
            "default",
            "sub-cleaner",
            "JWT",
            null,
            Map.of("preferred_username", "cleaner-1", "groups", List.of("cleaners")),
            3600));

    browser.get(url("/"));
    waiting().until(ExpectedConditions.elementToBeClickable(By.id("sso-login"))).click();
    var error = waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sso-status")));
    waiting().until(d -> !error.getText().isBlank());
    assertThat(error.getText())
        .isEqualTo(
            "Your account has no Yardstick role; ask an admin to add you to a Yardstick"
                + " group.");
    assertThat(browser.getCurrentUrl()).doesNotContain("sso_error");
  }
}
