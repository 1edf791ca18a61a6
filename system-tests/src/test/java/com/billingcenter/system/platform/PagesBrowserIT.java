package com.billingcenter.system.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Browser;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.Mails;
import com.billingcenter.system.support.PageChecks;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * Every page, as a customer with workspaces, costs, cloud accounts and a lock sees it, on a desktop
 * (1366 px) and on a phone (390 px): the navigation is one row on the desktop and every link of it
 * is there on the phone, no page is wider than the phone's screen (tables scroll inside their box),
 * and an automated accessibility check (axe-core, WCAG 2.1 A and AA) finds nothing serious or
 * critical. Screenshots of each page at both widths go to {@code target/screenshots/pages/}.
 */
@Order(4)
class PagesBrowserIT {

  private static final String PASSWORD = "Pages-check-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();
  @RegisterExtension final BrowserSession session = new BrowserSession();

  private String keptAccount;
  private String cancelledAccount;

  /** A customer with something on every page; returns the pages to check by name. */
  private Map<String, String> customerWithEverything(String user) throws Exception {
    JsonObject kept = SandboxBuyers.newBuyer(server, false);
    JsonObject cancelled = SandboxBuyers.newBuyer(server, false);
    keptAccount = kept.getString("awsAccountId");
    cancelledAccount = cancelled.getString("awsAccountId");
    long active =
        Database.registerAwsAccount(
            server, user, kept.getString("awsAccountId"), kept.getString("licenseArn"));
    long ending =
        Database.registerAwsAccount(
            server, user, cancelled.getString("awsAccountId"), cancelled.getString("licenseArn"));
    long us = WorkspaceCalls.create(server, user, PASSWORD, "Shop US", "us1", "en");
    long eu = WorkspaceCalls.create(server, user, PASSWORD, "Shop Europe", "eu1", "zh");
    long archive = WorkspaceCalls.create(server, user, PASSWORD, "Archive", "ap1", "en");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, us, active);
    WorkspaceCalls.settleByAws(server, user, PASSWORD, archive, ending);
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    // They have settled so since the hour began, so that its usage is the AWS accounts'.
    Database.settledSince(server, us, hour);
    Database.settledSince(server, archive, hour);
    for (var usage :
        List.of(
            new Object[] {"us1", us, "data-points", 40},
            new Object[] {"us1", us, "log-volume", 12},
            new Object[] {"eu1", eu, "traces", 30},
            new Object[] {"ap1", archive, "data-points", 8})) {
      var answer =
          Http.reportUsage(
              server,
              (String) usage[0],
              "{\"records\": [{\"id\": \"%s\", \"workspaceId\": %d, \"billingItem\": \"%s\","
                      .formatted(Http.uniqueName("page"), usage[1], usage[2])
                  + " \"hour\": \"%s\", \"quantity\": %d}]}".formatted(hour, usage[3]));
      assertEquals(200, answer.statusCode(), answer.body());
    }
    SandboxBuyers.unsubscribe(server, cancelled);
    java.net.http.HttpResponse<String> token =
        Http.postJson(
            server.uri("/api/v1/account/tokens"),
            "{\"name\": \"nightly report\", \"scope\": \"read\"}",
            user,
            PASSWORD);
    assertEquals(201, token.statusCode(), token.body());
    java.net.http.HttpResponse<String> budget =
        Http.postJson(
            server.uri("/api/v1/budgets"),
            "{\"period\": \"month\", \"amount\": 0.01, \"currency\": \"USD\"}",
            user,
            PASSWORD);
    assertEquals(201, budget.statusCode(), budget.body());
    Map<String, String> pages = new LinkedHashMap<>();
    pages.put("overview", "/overview.xhtml");
    pages.put("workspaces", "/workspaces.xhtml");
    pages.put("cloud-accounts", "/cloud-accounts.xhtml");
    pages.put("metering", "/metering.xhtml?cloudAccount=" + active);
    pages.put("bills", "/bills.xhtml");
    pages.put("notices", "/notices.xhtml");
    pages.put("audit", "/audit.xhtml");
    pages.put("api-tokens", "/api-tokens.xhtml");
    pages.put("budgets", "/budgets.xhtml");
    com.billingcenter.system.support.Teams.invite(
        server, user, PASSWORD, user + "-finance@team.example.org", "finance");
    pages.put("members", "/members.xhtml");
    pages.put("account", "/account.xhtml");
    pages.put("locked", "/locked.xhtml?id=" + archive);
    return pages;
  }

  @Test
  void everyPageFitsADesktopAndAPhoneAndPassesTheAccessibilityCheck() throws Exception {
    String user = Http.register(server, Http.uniqueName("pages"), PASSWORD);
    Map<String, String> pages = customerWithEverything(user);
    Map<String, String> anonymous = new LinkedHashMap<>();
    anonymous.put("login", "/login.xhtml");
    anonymous.put("register", "/register.xhtml");
    anonymous.put("forgot-password", "/forgot-password.xhtml");
    anonymous.put("join", "/join.xhtml");
    String lockMail = Mails.await(server, user + "@example.com", "workspace “Archive”");
    String lockLink = Mails.link(lockMail, server.uri("/locked.xhtml?t=").toString());
    anonymous.put("lock-page-link", lockLink.substring(server.base().toString().length() - 1));

    List<String> problems = new ArrayList<>();
    for (int width : new int[] {1366, 390}) {
      session.browser().manage().window().setSize(new Dimension(width, width > 800 ? 900 : 844));
      for (var page : anonymous.entrySet()) {
        check(page.getKey(), page.getValue(), width, false, problems);
      }
      session.logIn(server.uri("/login.xhtml?lang=en"), user, PASSWORD);
      assertEquals("Overview", session.heading());
      if (width > 800) {
        overviewSaysItAtAGlance();
      }
      for (var page : pages.entrySet()) {
        check(page.getKey(), page.getValue(), width, true, problems);
      }
      // The dialogs of Workspace Management, open.
      session.browser().get(server.uri("/workspaces.xhtml?lang=en").toString());
      session.heading();
      session.click(By.cssSelector("button[id$=':change']"));
      session.visible(By.id("change:confirm"));
      PageChecks.axe(
          session.browser(),
          "workspaces, Change Settlement Method open, at " + width + " px",
          problems);
      // The same in Chinese: the overview, and the team's page with its roles.
      check("overview-zh", "/overview.xhtml?lang=zh", width, true, problems);
      check("members-zh", "/members.xhtml?lang=zh", width, true, problems);
      session.browser().get(server.uri("/overview.xhtml?lang=en").toString());
      session.follow(By.id("session:logout"));
      session.heading();
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /**
   * The Overview of this customer: the month's cost by method and by workspace, both cloud accounts
   * and their status, the locked workspace with its days left, the workspaces whose settlement
   * method may next change next month.
   */
  private void overviewSaysItAtAGlance() {
    String cost = session.visible(By.id("cost")).getText();
    assertTrue(cost.contains("14.70 USD"), "10.00 + 1.20 + 1.50 + 2.00: " + cost);
    String byMethod = session.browser().findElement(By.id("by-method")).getText();
    assertTrue(byMethod.contains("AWS account " + keptAccount + " 11.20 USD"), byMethod);
    assertTrue(byMethod.contains("Billing Center account 1.50 USD"), byMethod);
    assertTrue(
        session
            .browser()
            .findElement(By.id("by-workspace"))
            .getText()
            .contains("Shop US 11.20 USD"));
    session.visible(By.cssSelector("#cost canvas"));
    String clouds = session.browser().findElement(By.id("clouds")).getText();
    assertTrue(clouds.contains(keptAccount + " · Active · settles 1 workspace"), clouds);
    assertTrue(
        clouds.contains(cancelledAccount + " · Ending")
            || clouds.contains(cancelledAccount + " · Ended"),
        clouds);
    String locked = session.browser().findElement(By.id("locked")).getText();
    assertTrue(locked.contains("Archive") && locked.contains("days left"), locked);
    String changes = session.browser().findElement(By.id("changes")).getText();
    String nextMonth =
        java.time.YearMonth.now(java.time.ZoneOffset.UTC).plusMonths(1).atDay(1).toString();
    assertTrue(
        changes.contains("Shop US · Americas 1 (Oregon) · may change from " + nextMonth), changes);
    assertTrue(!changes.contains("Shop Europe"), "it may change now: " + changes);
  }

  private void check(String name, String path, int width, boolean signedIn, List<String> problems) {
    String separator = path.contains("?") ? "&" : "?";
    session
        .browser()
        .get(server.uri(path + (path.contains("lang=") ? "" : separator + "lang=en")).toString());
    String heading = session.heading();
    String where = name + " at " + width + " px (" + heading + ")";
    Browser.screenshot(session.browser(), "pages/" + name + "-" + width);
    PageChecks.fits(session.browser(), where, problems);
    if (signedIn) {
      List<WebElement> items = session.browser().findElements(By.cssSelector(".nav > li"));
      if (items.size() != 4
          || session.browser().findElements(By.cssSelector(".nav details.menu li a")).size() != 7) {
        problems.add(where + ": not every navigation link is there");
      }
      long rows = items.stream().map(i -> i.getLocation().getY()).distinct().count();
      if (width > 800 && rows != 1) {
        problems.add(where + ": the navigation wraps over " + rows + " rows");
      }
    }
    PageChecks.axe(session.browser(), where, problems);
  }
}
