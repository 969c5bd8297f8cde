package io.yardstick.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The README's first hour, end to end, as a newcomer walks it: {@code yardstick demo} (a real
 * second process that fills a store and serves it), the command it prints run as printed while the
 * demo serves, log-in with the printed one-time password and the forced change, then every page of
 * the menu in a real browser (Debian's Chromium), none of them showing an error. Leaves
 * target/screenshots/readme-flow-PAGE.png.
 */
class ReadmeFlowTest {
  private static final String CHROMIUM = envOr("YARDSTICK_CHROMIUM", "/usr/bin/chromium");
  private static final String CHROMEDRIVER =
      envOr("YARDSTICK_CHROMEDRIVER", "/usr/bin/chromedriver");

  @TempDir Path dir;

  private static String envOr(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  @Test
  void demo_then_the_printed_command_while_serving_then_log_in_and_every_page() throws Exception {
    String db = dir.resolve("yardstick.duckdb").toString();
    Path out = dir.resolve("demo.out");
    Process demo =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "demo",
                "--contacts",
                "6000",
                "--days",
                "60",
                "--end",
                "2026-11-30",
                "--port",
                "0",
                "--db",
                db)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    ChromeDriver d = null;
    try {
      String printed = awaitLine(demo, out, Pattern.compile("Stop with Ctrl-C"));
      Matcher url = Pattern.compile("Open +(http://localhost:\\d+/)").matcher(printed);
      Matcher password = Pattern.compile("one-time password (\\S+)").matcher(printed);
      Matcher tryLine =
          Pattern.compile("Try: \\./yardstick (.+?)( {2,}\\(.*)?$", Pattern.MULTILINE)
              .matcher(printed);
      assertThat(url.find() && password.find() && tryLine.find()).as(printed).isTrue();

      // The printed command, as printed, while the demo holds the store.
      StringWriter cliOut = new StringWriter();
      StringWriter cliErr = new StringWriter();
      int code =
          Main.run(
              tryLine.group(1).trim().split(" +"),
              new PrintWriter(cliOut),
              new PrintWriter(cliErr));
      assertThat(code).as(cliErr.toString()).isZero();
      assertThat(cliOut.toString()).contains("Contacts").doesNotContain("Contacts  0");

      d = browser();
      WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(30));
      d.get(url.group(1));
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("login-name")))
          .sendKeys("admin");
      d.findElement(By.id("login-password")).sendKeys(password.group(1));
      d.findElement(By.cssSelector("#login-form button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("password-new")))
          .sendKeys("my-own-secret-42");
      d.findElement(By.id("password-again")).sendKeys("my-own-secret-42");
      d.findElement(By.cssSelector("#password-form button[type=submit]")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tile-value")));

      List<String> pages = new ArrayList<>();
      for (WebElement link : d.findElements(By.cssSelector("nav [data-nav]"))) {
        pages.add(link.getDomAttribute("data-nav"));
      }
      assertThat(pages)
          .contains("overview", "trends", "channels", "agents", "goals", "forecast", "alerts");
      for (String page : pages) {
        d.executeScript(
            "document.querySelectorAll('main h1').forEach(e => e.setAttribute('data-stale', ''))");
        d.findElement(By.cssSelector("nav [data-nav=" + page + "]")).click();
        WebElement h1 =
            wait.until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("main h1:not([data-stale])")));
        wait.until(
            ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("main .loading")));
        assertThat(h1.getText()).as(page).isNotBlank();
        assertThat(d.findElements(By.cssSelector("main .error")))
            .as(page + ": " + d.findElement(By.tagName("main")).getText())
            .isEmpty();
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Files.write(
            shots.resolve("readme-flow-" + page + ".png"), d.getScreenshotAs(OutputType.BYTES));
      }
    } finally {
      if (d != null) d.quit();
      demo.destroy();
      if (!demo.waitFor(30, TimeUnit.SECONDS)) demo.destroyForcibly().waitFor();
    }
  }

  /**
   * The demo's output up to a line matching the pattern (it has started serving), failing if it
   * stops first.
   */
  private static String awaitLine(Process p, Path out, Pattern line) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (true) {
      String text = Files.exists(out) ? Files.readString(out) : "";
      if (line.matcher(text).find()) return text;
      assertThat(p.isAlive()).as("the demo stopped: " + text).isTrue();
      assertThat(System.nanoTime())
          .as("the demo did not start serving: " + text)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private ChromeDriver browser() throws Exception {
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
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
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile"),
        "--window-size=1400,1000",
        "--lang=en-US");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }
}
