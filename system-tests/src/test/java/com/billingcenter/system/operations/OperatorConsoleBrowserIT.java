package com.billingcenter.system.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.operations.control.Totp;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Browser;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.PageChecks;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The console's main walk in Chromium, as a new operator takes it: the set-up link (the app's
 * secret, a password, the app's code, the recovery codes), the sign-in with a fresh code, finding a
 * customer and opening their page; each page on a desktop (1366 px) and a phone (390 px), in
 * English and Chinese, fitting the window and with no serious or critical axe-core finding (WCAG
 * 2.1 A and AA).
 */
class OperatorConsoleBrowserIT {

  private static final String PASSWORD = "Operator-2026-x";

  private final BillingCenterServer server = BillingCenterServer.shared();
  @RegisterExtension final BrowserSession session = new BrowserSession();

  @Test
  void aNewOperatorSetsUpSignsInAndFindsACustomerOnADesktopAndAPhone() throws Exception {
    String name = "ops-" + UUID.randomUUID().toString().substring(0, 8);
    var invited =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/operators"))
                .header("Content-Type", "application/json")
                .header("X-Operator-Key", BillingCenterServer.OPERATOR_KEY)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\": \"" + name + "\", \"role\": \"operator\"}")));
    assertEquals(201, invited.statusCode(), invited.body());
    String link = Http.json(invited).getString("setupUrl");
    String customer = Http.register(server, Http.uniqueName("found"), "Customer-2026-x");
    List<String> problems = new ArrayList<>();

    session.browser().manage().window().setSize(new Dimension(1366, 900));
    session.browser().get(server.uri(link.substring(link.indexOf("/ops/"))) + "&lang=en");
    assertEquals("Set up your operator account", session.heading());
    check("set-up", 1366, problems);
    String secret = session.visible(By.id("secret")).getText();
    session.browser().findElement(By.id("setup:password")).sendKeys(PASSWORD);
    session.browser().findElement(By.id("setup:code")).sendKeys(Totp.code(secret, Instant.now()));
    session.follow(By.id("setup:submit"));
    List<String> recovery = new ArrayList<>();
    session
        .browser()
        .findElements(By.cssSelector("#recovery-codes li code"))
        .forEach(c -> recovery.add(c.getText()));
    assertEquals(10, recovery.size());
    check("recovery-codes", 1366, problems);

    for (int width : new int[] {1366, 390}) {
      session.browser().manage().window().setSize(new Dimension(width, width > 800 ? 900 : 844));
      for (String lang : new String[] {"en", "zh"}) {
        session.browser().get(server.uri("/ops/login.xhtml?lang=" + lang).toString());
        session.heading();
        check("login-" + lang, width, problems);
        session.visible(By.id("login:name")).sendKeys(name);
        session.browser().findElement(By.id("login:password")).sendKeys(PASSWORD);
        session
            .browser()
            .findElement(By.id("login:code"))
            .sendKeys(
                width > 800 && lang.equals("en")
                    ? Totp.code(secret, Instant.now().plusSeconds(30))
                    : recovery.remove(0));
        session.follow(By.id("login:submit"));
        assertTrue(session.browser().getPageSource().contains(name), "signed in as " + name);
        check("console-" + lang, width, problems);
        session.visible(By.id("search:query")).sendKeys(customer.substring(0, 10));
        session.follow(By.id("search:find"));
        session.follow(By.linkText(customer));
        session.visible(By.id("customerPage:reason"));
        check("customer-" + lang, width, problems);
        session.follow(By.id("nav-metering"));
        session.visible(By.id("gauges"));
        assertEquals(
            6, session.browser().findElements(By.cssSelector("#gauges tbody tr")).size(), "gauges");
        check("metering-" + lang, width, problems);
        session.follow(By.id("nav-events"));
        session.visible(By.id("events"));
        check("events-" + lang, width, problems);
        session.follow(By.id("nav-staff"));
        session.visible(By.id("staff-actions"));
        check("staff-" + lang, width, problems);
        session.follow(By.id("nav-months"));
        assertEquals(4, session.browser().findElements(By.cssSelector("#months tbody tr")).size());
        check("months-" + lang, width, problems);
        session.follow(By.id("nav-tokens"));
        session.visible(By.id("tokens:name"));
        check("tokens-" + lang, width, problems);
        session.follow(By.id("session:logout"));
        session.heading();
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  private void check(String page, int width, List<String> problems) {
    String where = "ops " + page + " at " + width + " px";
    Browser.screenshot(session.browser(), "pages/ops-" + page + "-" + width);
    PageChecks.fits(session.browser(), where, problems);
    PageChecks.axe(session.browser(), where, problems);
  }
}
