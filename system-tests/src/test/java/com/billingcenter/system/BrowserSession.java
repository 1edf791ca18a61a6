package com.billingcenter.system;

import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium per test ({@code @RegisterExtension}), with the waits every browser test
 * needs: the page's heading, a visible element, a clickable one.
 */
final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

  private WebDriver browser;
  private WebDriverWait wait;

  @Override
  public void beforeEach(ExtensionContext context) {
    browser = Browser.open();
    wait = new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  WebDriver browser() {
    return browser;
  }

  WebDriverWait await() {
    return wait;
  }

  String heading() {
    return visible(By.tagName("h1")).getText();
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void click(By by) {
    wait.until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /**
   * Chooses the item containing {@code label} in the PrimeFaces drop-down {@code menuId}, and waits
   * until its panel has closed (its closing animation would take the next click).
   */
  void choose(String menuId, String label) {
    click(By.id(menuId));
    click(
        By.xpath(
            "//div[@id='"
                + menuId
                + "_panel']//li[contains(@class,'ui-selectonemenu-item') and contains(., '"
                + label
                + "')]"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
  }
}
