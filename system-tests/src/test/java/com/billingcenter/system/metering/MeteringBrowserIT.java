package com.billingcenter.system.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Browser;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.Shared;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;

/**
 * The customer's view of metering, end to end against the running server and its sandbox: usage of
 * two workspaces (two sites) of one AWS account in the last hours, a metering run started by an
 * operator, and then the ledger (API and page), the bill (API and page, in English and Chinese) and
 * the sandbox's own record agree.
 */
@ResourceLock(Shared.METERING_RUNS)
class MeteringBrowserIT {

  private static final String PASSWORD = "Browser-test-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  @RegisterExtension final BrowserSession session = new BrowserSession();

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * History written straight into the database, as reported on time: since {@code since} the
   * workspace has been settled by the cloud account, and the account metered; usage of past hours.
   */
  private void history(
      long cloudAccount, List<Long> workspaces, Instant since, Map<String, Object[]> usage)
      throws Exception {
    try (Connection db = Database.connect(server)) {
      try (PreparedStatement account =
          db.prepareStatement(
              "UPDATE cloud_account SET created_at = ?, metering_from = ? WHERE id = ?")) {
        account.setObject(1, utc(since));
        account.setObject(2, utc(since));
        account.setLong(3, cloudAccount);
        assertEquals(1, account.executeUpdate());
      }
      // Created an hour before, settled by the account since.
      try (PreparedStatement period =
          db.prepareStatement(
              "UPDATE settlement_period SET valid_from = CASE settlement_method"
                  + " WHEN 'aws' THEN ? ELSE ? END WHERE workspace_id = ?")) {
        for (long workspace : workspaces) {
          period.setObject(1, utc(since));
          period.setObject(2, utc(since.minus(Duration.ofHours(1))));
          period.setLong(3, workspace);
          assertEquals(2, period.executeUpdate());
        }
      }
      try (PreparedStatement insert =
          db.prepareStatement(
              "INSERT INTO usage_record (site_code, record_id, workspace_id, billing_item,"
                  + " usage_hour, quantity, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        for (Object[] u : usage.values()) {
          insert.setString(1, (String) u[0]);
          insert.setString(2, "hist-" + UUID.randomUUID());
          insert.setLong(3, (Long) u[1]);
          insert.setString(4, (String) u[2]);
          insert.setObject(5, utc((Instant) u[3]));
          insert.setLong(6, (Long) u[4]);
          insert.setTimestamp(7, Timestamp.valueOf(utc(Instant.now())));
          insert.executeUpdate();
        }
      }
      for (long workspace : workspaces) {
        Database.rollUp(db, workspace);
      }
    }
  }

  @Test
  void theLedgerTheBillAndTheSandboxAgree() throws Exception {
    String user = Http.register(server, Http.uniqueName("meter"), PASSWORD);
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    String license = buyer.getString("licenseArn");
    long aws = Database.registerAwsAccount(server, user, buyer.getString("awsAccountId"), license);
    long us = WorkspaceCalls.create(server, user, PASSWORD, "Oregon shop", "us1", "en");
    long eu = WorkspaceCalls.create(server, user, PASSWORD, "法兰克福", "eu1", "zh");
    WorkspaceCalls.settleByAws(server, user, PASSWORD, us, aws);
    WorkspaceCalls.settleByAws(server, user, PASSWORD, eu, aws);
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    Instant since = now.minus(Duration.ofHours(4));
    Instant h2 = now.minus(Duration.ofHours(3));
    Map<String, Object[]> usage = new HashMap<>();
    usage.put("a", new Object[] {"us1", us, "data-points", h2, 30L});
    usage.put("b", new Object[] {"eu1", eu, "data-points", h2, 12L});
    usage.put("c", new Object[] {"eu1", eu, "log-volume", h2, 5L});
    history(aws, List.of(us, eu), since, usage);

    var run =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/metering/runs"))
                .header("X-Operator-Key", BillingCenterServer.OPERATOR_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()));
    assertEquals(200, run.statusCode(), run.body());

    JsonArray ledger =
        Http.jsonArray(
            Http.get(
                server.uri(
                    "/api/v1/cloud-accounts/" + aws + "/metering?from=" + since + "&to=" + now),
                user,
                PASSWORD));
    // Every closed hour since, of four dimensions (an hour closes 15 minutes after it ends).
    long closedHours =
        Duration.between(
                since, Instant.now().minus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.HOURS))
            .toHours();
    assertTrue(
        ledger.size() == 4 * closedHours || ledger.size() == 4 * (closedHours - 1),
        closedHours + " hours: " + ledger);
    Map<String, Long> sent = new HashMap<>();
    for (JsonObject line : ledger.getValuesAs(JsonObject.class)) {
      assertEquals("sent", line.getString("state"), line.toString());
      assertTrue(line.getBoolean("agree"), line.toString());
      sent.put(
          line.getString("dimension") + "@" + line.getString("hour"),
          line.getJsonNumber("sentQuantity").longValue());
    }
    assertEquals(42L, sent.get("DataPoints@" + h2));
    assertEquals(5L, sent.get("LogVolume@" + h2));
    assertEquals(0L, sent.get("DataPoints@" + since));

    JsonArray received = Http.jsonArray(Http.get(server.uri("/aws-sandbox/api/metering")));
    Map<String, Long> atAws = new HashMap<>();
    for (JsonObject r : received.getValuesAs(JsonObject.class)) {
      if (license.equals(r.getString("licenseArn", null))) {
        Long before =
            atAws.put(
                r.getString("dimension") + "@" + Instant.parse(r.getString("timestamp")),
                (long) r.getInt("quantity"));
        assertTrue(before == null || before == r.getInt("quantity"), r.toString());
      }
    }
    assertEquals(sent, atAws, "the sandbox received exactly what the ledger says was sent");

    // The same in the browser: the ledger page from the Cloud Account page, then the bill.
    assertEquals(
        "Workspace Management",
        session.logInToWorkspaces(server.uri("/login.xhtml?lang=en"), user, PASSWORD));
    session.browser().get(server.uri("/cloud-accounts.xhtml").toString());
    session.follow(By.linkText("Metering ledger"));
    assertEquals("Metering ledger", session.heading());
    String table = session.visible(By.id("ledger-table")).getText();
    assertTrue(table.contains("DataPoints"), table);
    assertTrue(table.contains("42"), table);
    assertTrue(!table.contains(" No"), "every line agrees: " + table);
    Browser.screenshot(session.browser(), "metering-ledger");
    // The month's reconciliation statement below it (when the hours are this month's).
    assertTrue(session.visible(By.id("reconciliation-status")).getText().contains("In progress"));
    session.visible(By.id("reconciliation:csv"));
    if (java.time.YearMonth.from(h2.atZone(java.time.ZoneOffset.UTC))
        .equals(java.time.YearMonth.now(java.time.ZoneOffset.UTC))) {
      String statement = session.visible(By.id("reconciliation-table")).getText();
      assertTrue(statement.contains("10.50 USD"), "42 million data points at 0.25: " + statement);
    }

    session.browser().get(server.uri("/bills.xhtml").toString());
    assertEquals("Bills", session.heading());
    String bill = session.visible(By.cssSelector(".bill-group")).getText();
    assertTrue(bill.contains("AWS account " + buyer.getString("awsAccountId")), bill);
    assertEquals(
        1,
        session.browser().findElements(By.cssSelector(".bill-group")).size(),
        "one method paid it all");
    assertTrue(bill.contains("Oregon shop"), bill);
    assertTrue(bill.contains("7.50 USD"), "30 million data points at 0.25: " + bill);
    assertTrue(bill.contains("3.00 USD"), "12 at 0.25: " + bill);
    assertTrue(bill.contains("0.50 USD"), "5 GB at 0.10: " + bill);
    assertTrue(bill.contains("11.00 USD"), "the total: " + bill);
    assertTrue(session.visible(By.id("bill-status")).getText().contains("In progress"));
    session.visible(By.cssSelector("#consumption\\:daily-chart canvas"));
    session.visible(By.id("consumption:csv"));
    session.visible(By.id("bills:csv"));
    Browser.screenshot(session.browser(), "bills");

    session.browser().get(server.uri("/bills.xhtml?lang=zh").toString());
    assertEquals("账单", session.heading());
    assertTrue(
        session.visible(By.cssSelector(".bill-group")).getText().contains("AWS 账号"),
        "the same page in Chinese");
  }
}
