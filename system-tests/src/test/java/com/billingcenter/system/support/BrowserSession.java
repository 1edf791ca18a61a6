package com.billingcenter.system.support;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for each test ({@code @RegisterExtension}), borrowed when the test first uses
 * it (so that a class's API-only tests run, and are not skipped, where Chromium is missing) and
 * given back wiped after it ({@link Browser}), with the waits every browser test needs: the page's
 * heading, a visible element, a clickable one.
 */
public final class BrowserSession implements BeforeEachCallback, AfterEachCallback {

  private ChromeDriver browser;
  private WebDriverWait wait;

  @Override
  public void beforeEach(ExtensionContext context) {
    // Opened on first use (browser()): a test that never uses it needs no Chromium.
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (browser != null) {
      Browser.giveBack(browser);
      browser = null;
    }
  }

  public WebDriver browser() {
    if (browser == null) {
      browser = Browser.borrow();
      wait = new WebDriverWait(browser, Duration.ofSeconds(20));
      // A page that changes under a poll (an Ajax update, a redirect) makes Chromium answer "Node
      // with given id does not belong to the document" for the node just read: poll again.
      wait.ignoring(WebDriverException.class);
    }
    return browser;
  }

  public WebDriverWait await() {
    browser();
    return wait;
  }

  /**
   * The page's heading, once a page with one has loaded. Read again when the page changes under the
   * read (Chromium then says "Node with given id does not belong to the document").
   */
  public String heading() {
    return await()
        .until(
            d -> {
              try {
                WebElement h1 = d.findElement(By.tagName("h1"));
                return h1.isDisplayed() ? h1.getText() : null;
              } catch (WebDriverException changing) {
                return null;
              }
            });
  }

  /** Opens the login page {@code loginPage} and signs in as {@code user}. */
  public void logIn(URI loginPage, String user, String password) {
    browser().get(loginPage.toString());
    visible(By.id("login:name")).sendKeys(user);
    browser().findElement(By.id("login:password")).sendKeys(password);
    WebElement submit = browser().findElement(By.id("login:submit"));
    submit.click();
    // The next page, whichever it is: until it comes, the login page's own heading still shows
    // (a test that read it at once saw "Log in to the Billing Center" under load).
    await().until(ExpectedConditions.stalenessOf(submit));
  }

  /**
   * Signs in on {@code loginPage} as {@code user}, sees the home page (the Overview), then opens
   * Workspace Management from the navigation; answers its heading.
   */
  public String logInToWorkspaces(URI loginPage, String user, String password) {
    logIn(loginPage, user, password);
    String home = heading();
    if (!home.equals("Overview") && !home.equals("概览")) {
      throw new AssertionError("the home page after signing in is the Overview, not " + home);
    }
    click(By.cssSelector(".nav a[href*='workspaces.xhtml']"));
    return await()
        .until(
            d -> {
              String h = heading();
              return h.equals(home) ? null : h;
            });
  }

  public WebElement visible(By by) {
    return await().until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public void click(By by) {
    await().until(ExpectedConditions.elementToBeClickable(by)).click();
  }

  /**
   * Clicks what opens another page (a link, a form's full post) and waits until this page is gone:
   * until then its own heading still shows, and a test that reads it at once reads the old one.
   */
  public void follow(By by) {
    WebElement page = browser().findElement(By.tagName("html"));
    click(by);
    await().until(ExpectedConditions.stalenessOf(page));
  }

  /**
   * Chooses the item containing {@code label} in the PrimeFaces drop-down {@code menuId}, as a user
   * would: open it, click the item, and wait until the drop-down shows the item and its panel has
   * closed (its closing animation would take the next click). A click that lands while a dialog or
   * the panel is still moving is missed without an error, so until the choice shows, the next step
   * is taken again: open the panel if it is closed, click the item if it is open, and close it if
   * it stays open after the choice.
   */
  public void choose(String menuId, String label) {
    By menu = By.id(menuId);
    By panel = By.id(menuId + "_panel");
    By shown = By.id(menuId + "_label");
    By item =
        By.xpath(
            "//div[@id='"
                + menuId
                + "_panel']//li[contains(@class,'ui-selectonemenu-item') and contains(., '"
                + label
                + "')]");
    int[] openAfterChoice = {0};
    await()
        .until(
            d -> {
              boolean open = !d.findElements(panel).isEmpty() && d.findElement(panel).isDisplayed();
              if (d.findElement(shown).getText().contains(label)) {
                if (open && ++openAfterChoice[0] > 2) {
                  // chosen, but the panel stayed open longer than its animation: the drop-down
                  // closes
                  // it
                  click(d, menu);
                  openAfterChoice[0] = 0;
                }
                return !open;
              }
              click(d, open ? item : menu);
              return false;
            });
  }

  /** A click that may miss while something moves; the caller's next poll tries again. */
  private static void click(WebDriver d, By by) {
    try {
      d.findElement(by).click();
    } catch (WebDriverException moving) {
      // still animating or covered for a moment
    }
  }
}
