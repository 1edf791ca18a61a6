package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver. Nothing is downloaded: without the
 * two packages the browser tests are skipped with this reason (CI installs them). A browser is
 * borrowed for one test and given back wiped (every cookie, every tab but one, the window's size):
 * a run starts as many as tests use at once, not one per test.
 */
public final class Browser {

  /** Browsers given back, wiped, for the next test to borrow. */
  private static final Deque<ChromeDriver> IDLE = new ArrayDeque<>();

  /** Every browser started, to be quit when the tests end. */
  private static final List<ChromeDriver> STARTED = new ArrayList<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  synchronized (STARTED) {
                    STARTED.forEach(Browser::quietlyQuit);
                  }
                }));
  }

  /** A wiped browser: one given back by an earlier test, or a new one. */
  static ChromeDriver borrow() {
    synchronized (IDLE) {
      if (!IDLE.isEmpty()) {
        return IDLE.pop();
      }
    }
    ChromeDriver driver = open();
    synchronized (STARTED) {
      STARTED.add(driver);
    }
    return driver;
  }

  /**
   * Takes a browser back once it is wiped as a new one is: its cookies (every site's), its other
   * tabs, a blank page at the default size. One that cannot be wiped is quit.
   */
  static void giveBack(ChromeDriver driver) {
    try {
      List<String> tabs = new ArrayList<>(driver.getWindowHandles());
      for (String tab : tabs.subList(1, tabs.size())) {
        driver.switchTo().window(tab).close();
      }
      driver.switchTo().window(tabs.get(0));
      driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
      driver.get("about:blank");
      driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
    } catch (RuntimeException broken) {
      synchronized (STARTED) {
        STARTED.remove(driver);
      }
      quietlyQuit(driver);
      return;
    }
    synchronized (IDLE) {
      IDLE.push(driver);
    }
  }

  private static void quietlyQuit(ChromeDriver driver) {
    try {
      driver.quit();
    } catch (RuntimeException ignored) {
      // already gone
    }
  }

  private static final int WIDTH = 1280;
  private static final int HEIGHT = 900;

  public static final Path CHROMIUM =
      Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

  private Browser() {}

  /**
   * Keeps what the browser shows under {@code target/screenshots/} (for reading a failure, and for
   * looking at the pages without a display).
   */
  public static void screenshot(org.openqa.selenium.WebDriver browser, String name) {
    try {
      Path file = Path.of("target", "screenshots").resolve(name + ".png");
      Files.createDirectories(file.getParent());
      byte[] png =
          ((org.openqa.selenium.TakesScreenshot) browser)
              .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
      Files.write(file, png);
    } catch (java.io.IOException e) {
      System.out.println("Could not keep the screenshot " + name + ": " + e);
    }
  }

  private static ChromeDriver open() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException(
          "CI must run the browser tests, but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing.");
    }
    if (!present) {
      System.out.println(
          "SKIPPED browser test: "
              + CHROMIUM
              + " and "
              + CHROMEDRIVER
              + " are needed (apt-get install -y chromium chromium-driver); CI runs it.");
    }
    assumeTrue(
        present,
        "Chromium and chromedriver are not installed (apt-get install -y chromium"
            + " chromium-driver); the browser tests run in CI.");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--lang=en-US",
        "--window-size=" + WIDTH + "," + HEIGHT);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}
