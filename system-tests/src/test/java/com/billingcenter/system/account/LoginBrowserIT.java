package com.billingcenter.system.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** A customer in a real browser: register, log in, find their way, switch language, log out. */
class LoginBrowserIT {

  private static final String PASSWORD = "Browser-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();
  @RegisterExtension final BrowserSession session = new BrowserSession();

  private void registerThroughThePage(String username) {
    session.browser().get(server.uri("/login.xhtml?lang=en").toString());
    session.browser().findElement(By.id("login:register")).click();
    assertEquals("Register a Billing Center account", session.heading());
    submitRegistration(username, PASSWORD);
    session.await().until(ExpectedConditions.urlContains("/login.xhtml"));
    assertTrue(session.browser().getPageSource().contains("Your Billing Center account is ready"));
  }

  private void submitRegistration(String username, String password) {
    session.browser().findElement(By.id("register:username")).sendKeys(username);
    session
        .browser()
        .findElement(By.id("register:loginAccount"))
        .sendKeys(username + "@example.com");
    session.browser().findElement(By.id("register:password")).sendKeys(password);
    session.browser().findElement(By.id("register:confirmation")).sendKeys(password);
    session.browser().findElement(By.id("register:submit")).click();
  }

  /** A protected page sends this browser to the login page: it holds no logged-in session. */
  private void assertNoSession() {
    session.browser().get(server.uri("/workspaces.xhtml").toString());
    session.await().until(ExpectedConditions.urlContains("/login.xhtml"));
  }

  private void logIn(String name, String password) {
    session.browser().findElement(By.id("login:name")).sendKeys(name);
    session.browser().findElement(By.id("login:password")).sendKeys(password);
    WebElement submit = session.browser().findElement(By.id("login:submit"));
    submit.click();
    // The next page: until it comes, the login page's own heading still shows.
    session.await().until(ExpectedConditions.stalenessOf(submit));
  }

  @Test
  void newCustomerRegistersLogsInAndSeesTheOverview() {
    String username = Http.uniqueName("web");
    registerThroughThePage(username);
    logIn(username, PASSWORD);
    assertEquals("Overview", session.heading());
    assertTrue(
        session.browser().findElement(By.id("cost")).getText().contains("No cost this month yet"),
        "a new customer's overview says what to do");
    session.browser().findElement(By.cssSelector(".nav summary")).click();
    assertTrue(
        session.browser().findElement(By.tagName("nav")).getText().contains("Cloud Account"));
    assertTrue(session.browser().getPageSource().contains(username), "the header names the user");

    session.browser().findElement(By.linkText("中文")).click();
    assertEquals("概览", session.heading());
    assertEquals("zh-CN", session.browser().findElement(By.tagName("html")).getAttribute("lang"));

    session.browser().findElement(By.id("session:logout")).click();
    session.await().until(ExpectedConditions.urlContains("/login.xhtml"));
    assertNoSession();
  }

  @Test
  void wrongPasswordShowsAMessageAndNoSession() {
    String username = Http.uniqueName("wrong");
    registerThroughThePage(username);
    logIn(username, PASSWORD + "-not");
    session
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("login:messages"), "The user name, account or password is not correct."));
    assertNoSession();
  }

  @Test
  void protectedPageAskedForBeforeLoginIsShownAfterLogin() {
    String username = Http.uniqueName("deep");
    registerThroughThePage(username);
    session.browser().get(server.uri("/bills.xhtml").toString());
    session.await().until(ExpectedConditions.urlContains("/login.xhtml"));
    logIn(username, PASSWORD);
    session.await().until(ExpectedConditions.urlContains("/bills.xhtml"));
    assertEquals("Bills", session.heading());
  }

  @Test
  void registrationPageRefusesAWeakPasswordInChinese() {
    session.browser().get(server.uri("/register.xhtml?lang=zh").toString());
    assertEquals("注册费用中心账户", session.heading());
    String username = Http.uniqueName("weak");
    submitRegistration(username, "onlyletters");
    session
        .await()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("register:messages"), "密码必须同时包含字母和数字。"));
    assertEquals(
        401, Http.get(server.uri("/api/v1/account"), username, "onlyletters").statusCode());
  }
}
