package com.billingcenter.system.support;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by Debian's chromedriver. Nothing is downloaded: without the
 * two packages the browser tests are skipped with this reason (CI installs them).
 */
public final class Browser {

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

  public static ChromeDriver open() {
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
        "--window-size=1280,900");
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
