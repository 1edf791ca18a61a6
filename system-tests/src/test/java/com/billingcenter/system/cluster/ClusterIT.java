package com.billingcenter.system.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.BrowserSession;
import com.billingcenter.system.support.Cluster;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.Nginx;
import com.billingcenter.system.support.SandboxBuyers;
import com.billingcenter.system.support.Shared;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The cluster as operators run it ({@link Cluster}): three Payara Micro instances of the Micro WAR
 * in one data grid on one PostgreSQL database, behind nginx.
 *
 * <ol>
 *   <li>A customer in the middle of Change Settlement Method in a real browser keeps working when
 *       the instance that answered their last request is killed.
 *   <li>Metering four missed hours of 40 licenses (640 records) to one sandbox: the instance that
 *       holds the metering lease is killed in the middle of its run and another takes over. The
 *       sandbox then holds every (license, dimension, hour) with its one right quantity: nothing
 *       sent twice with different quantities, no hour skipped.
 * </ol>
 *
 * Runs against PostgreSQL only (the {@code postgresql} profile, as CI does).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(Shared.CLUSTER)
@Order(1)
class ClusterIT {

  private static final String PASSWORD = "Cluster-test-2026";
  private static final int LICENSES = 40;
  private static final int HOURS = 4;
  private static final List<String> DIMENSIONS =
      List.of("DataPoints", "LogVolume", "SyntheticTests", "Traces");

  private final BillingCenterServer shared = BillingCenterServer.shared();
  private Cluster cluster;
  private List<BillingCenterServer> members;
  private Nginx nginx;

  @RegisterExtension final BrowserSession session = new BrowserSession();

  @BeforeAll
  void startCluster() throws Exception {
    cluster = Cluster.shared();
    members = cluster.members();
    nginx = cluster.nginx();
  }

  @AfterAll
  void noFaultsLeft() {
    Http.send(
        HttpRequest.newBuilder(shared.uri("/aws-sandbox/api/faults"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  private Connection db() throws Exception {
    return cluster.db();
  }

  private BillingCenterServer memberOn(int port) {
    return cluster.memberOn(port);
  }

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /** What the sandbox recorded for these licenses: key → quantities received. */
  private Map<String, List<Integer>> received(Map<String, Long> licenses) {
    JsonArray all = Http.jsonArray(Http.get(shared.uri("/aws-sandbox/api/metering")));
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (JsonObject r : all.getValuesAs(JsonObject.class)) {
      String license = r.getString("licenseArn", null);
      if (license != null && licenses.containsKey(license)) {
        assertEquals("Success", r.getString("status"), r.toString());
        byKey
            .computeIfAbsent(
                license
                    + "|"
                    + r.getString("dimension")
                    + "|"
                    + Instant.parse(r.getString("timestamp")),
                k -> new ArrayList<>())
            .add(r.getInt("quantity"));
      }
    }
    return byKey;
  }

  private int pending() throws Exception {
    try (Connection db = db();
        Statement select = db.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT COUNT(*) FROM cloud_account c WHERE c.id BETWEEN 1000000 AND 1999999"
                    + " AND NOT EXISTS"
                    + " (SELECT 1 FROM metering_record m WHERE m.cloud_account_id = c.id)"
                    + " UNION ALL SELECT COUNT(*) FROM metering_record WHERE state = 'PENDING'"
                    + " AND cloud_account_id BETWEEN 1000000 AND 1999999")) {
      int pending = 0;
      while (rows.next()) {
        pending += rows.getInt(1);
      }
      return pending;
    }
  }

  private static HttpResponse<String> runNow(BillingCenterServer member) {
    return Http.send(
        HttpRequest.newBuilder(member.uri("/api/v1/metering/runs"))
            .timeout(Duration.ofMinutes(3))
            .header("X-Operator-Key", BillingCenterServer.OPERATOR_KEY)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  @Test
  @Order(1)
  void aCustomerInTheMiddleOfChangingTheSettlementMethodKeepsWorkingWhenTheirInstanceIsKilled()
      throws Exception {
    BillingCenterServer a = members.get(0);
    String user = Http.register(a, Http.uniqueName("failover"), PASSWORD);
    WorkspaceCalls.create(a, user, PASSWORD, "Failover EU", "eu1", "en");
    long cloudAccount = Database.registerAwsAccount(a, user, "210987654321");

    // Signed in through nginx: each request goes to the next instance (no sticky sessions).
    assertEquals(
        "Workspace Management",
        session.logInToWorkspaces(nginx.uri("/login.xhtml?lang=en"), user, PASSWORD));
    WebElement row =
        session.await().until(d -> d.findElement(By.xpath("//tr[contains(., 'Failover EU')]")));
    row.findElement(By.xpath(".//button[contains(@id,':change')]")).click();
    WebElement awsOption =
        session.visible(
            By.xpath(
                "//form[@id='change']//label[contains(., 'Registered Cloud Account Settlement')"
                    + " and contains(., '210987654321')]"));

    // The instance that answered the dialog's opening dies, as a crash would.
    BillingCenterServer served = memberOn(nginx.lastAnswered("POST /workspaces.xhtml"));
    int logged = nginx.accessLog().size();
    served.kill();

    awsOption.click();
    session.click(By.id("change:confirm"));
    session.await().until(ExpectedConditions.invisibilityOfElementLocated(By.id("changeDialog")));
    assertTrue(
        session.visible(By.id("list:messages")).getText().contains("now settles by its new method"),
        "the change was made on another instance");
    for (int i = 0; i < 4; i++) {
      session.browser().navigate().refresh();
      assertEquals("Workspace Management", session.heading(), "still signed in");
      assertTrue(
          session
              .await()
              .until(d -> d.findElement(By.xpath("//tr[contains(., 'Failover EU')]")))
              .getText()
              .contains("AWS account"));
    }
    BillingCenterServer survivor = members.stream().filter(m -> m != served).findFirst().get();
    var workspace =
        Http.json(Http.get(survivor.uri("/api/v1/workspaces?name=Failover"), user, PASSWORD))
            .getJsonArray("items")
            .getJsonObject(0);
    assertEquals("aws", workspace.getString("settlementMethod"));
    assertEquals(cloudAccount, workspace.getJsonNumber("cloudAccountId").longValue());
    // Every request after the kill was answered (the browser's icon, which the application does
    // not have, aside).
    List<String> after =
        nginx.accessLog().subList(logged, nginx.accessLog().size()).stream()
            .filter(line -> !line.contains("/favicon.ico"))
            .toList();
    assertTrue(after.size() >= 5, after.toString());
    for (String line : after) {
      assertTrue(line.contains("\" 200 ") || line.contains("\" 302 "), "answered: " + line);
    }
    System.out.printf(
        "Cluster failover: killed cluster-%s under the browser; %d requests after it, all"
            + " answered%n",
        (char) ('a' + members.indexOf(served)), after.size());

    // The killed instance comes back and joins the data grid again.
    served.start();
  }

  @Test
  @Order(2)
  void aKilledInstanceLeavesNoHourSkippedAndNoneSentTwiceWithAnotherQuantity() throws Exception {
    BillingCenterServer a = members.get(0);

    // One customer, 40 licenses each settling one workspace since five hours ago, and usage of
    // four closed hours since then (written as history, on time, straight into the database).
    String user = Http.register(a, Http.uniqueName("cluster"), PASSWORD);
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    // Hours that are closed whatever the minute (the sandbox takes the last six hours).
    Instant since = now.minus(Duration.ofHours(HOURS + 1));
    Map<String, Long> licenses = new HashMap<>();
    Map<String, Long> expected = new HashMap<>();
    try (Connection db = db()) {
      long owner;
      try (PreparedStatement find =
          db.prepareStatement("SELECT id FROM billing_account WHERE username = ?")) {
        find.setString(1, user);
        try (ResultSet rows = find.executeQuery()) {
          rows.next();
          owner = rows.getLong(1);
        }
      }
      for (int i = 0; i < LICENSES; i++) {
        JsonObject buyer = SandboxBuyers.newBuyer(shared, false);
        String license = buyer.getString("licenseArn");
        long cloud = 1_000_000L + i;
        try (PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO cloud_account (id, owner_id, provider, provider_account_id, license_id,"
                    + " product_code, status, created_at, version, license_arn, metering_from)"
                    + " VALUES (?, ?, 'aws', ?, ?, 'billing-center-product', 'ACTIVE', ?, 1, ?, ?)")) {
          insert.setLong(1, cloud);
          insert.setLong(2, owner);
          insert.setString(3, buyer.getString("awsAccountId"));
          insert.setString(4, AwsLicenses.key(license, null));
          insert.setObject(5, utc(since));
          insert.setString(6, license);
          insert.setObject(7, utc(since));
          insert.executeUpdate();
        }
        long workspace =
            WorkspaceCalls.create(
                a, user, PASSWORD, "Cluster " + i, i % 2 == 0 ? "us1" : "eu1", "en");
        try (PreparedStatement period =
            db.prepareStatement(
                "INSERT INTO settlement_period (id, workspace_id, valid_from, settlement_method,"
                    + " cloud_account_id) VALUES (?, ?, ?, 'aws', ?)")) {
          period.setLong(1, -1_000_000L - i);
          period.setLong(2, workspace);
          period.setObject(3, utc(since));
          period.setLong(4, cloud);
          period.executeUpdate();
        }
        licenses.put(license, cloud);
        for (int h = 0; h < HOURS; h++) {
          Instant hour = since.plus(Duration.ofHours(h));
          long quantity = ThreadLocalRandom.current().nextLong(1, 1000);
          try (PreparedStatement usage =
              db.prepareStatement(
                  "INSERT INTO usage_record (site_code, record_id, workspace_id, billing_item,"
                      + " usage_hour, quantity, received_at) VALUES (?, ?, ?, 'data-points', ?, ?, ?)")) {
            usage.setString(1, i % 2 == 0 ? "us1" : "eu1");
            usage.setString(2, "cluster-" + i + "-" + h);
            usage.setLong(3, workspace);
            usage.setObject(4, utc(hour));
            usage.setLong(5, quantity);
            usage.setObject(6, utc(Instant.now()));
            usage.executeUpdate();
          }
          for (String dimension : DIMENSIONS) {
            expected.put(
                license + "|" + dimension + "|" + hour,
                dimension.equals("DataPoints") ? quantity : 0);
          }
        }
      }
    }
    assertEquals(LICENSES * HOURS * DIMENSIONS.size(), expected.size());

    // Slow calls, so that the run is killed in its middle.
    Http.send(
        HttpRequest.newBuilder(shared.uri("/aws-sandbox/api/faults"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"latencyMs\": 400}")));
    members.forEach(m -> CompletableFuture.runAsync(() -> runNow(m)));
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    int seen = 0;
    while (System.nanoTime() < deadline && (seen = received(licenses).size()) < 50) {
      Thread.sleep(200);
    }
    assertTrue(seen > 0 && seen < expected.size(), "the run is under way: " + seen);
    String holder;
    try (Connection db = db();
        Statement select = db.createStatement();
        ResultSet rows =
            select.executeQuery("SELECT holder FROM job_lease WHERE name = 'metering'")) {
      rows.next();
      holder = rows.getString(1);
    }
    BillingCenterServer running =
        members.stream().filter(m -> holder.startsWith(m.pid() + "@")).findFirst().orElseThrow();
    BillingCenterServer survivor = members.stream().filter(m -> m != running).findFirst().get();
    running.kill();
    int atKill = received(licenses).size();

    // The survivor takes the lease once it expires and goes on from where the run stopped.
    Http.send(
        HttpRequest.newBuilder(shared.uri("/aws-sandbox/api/faults"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
    deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline && pending() > 0) {
      HttpResponse<String> run = runNow(survivor);
      assertTrue(run.statusCode() == 200 || run.statusCode() == 409, run.body());
      Thread.sleep(1000);
    }

    Map<String, List<Integer>> received = received(licenses);
    // The last hour (an hour ago) is metered too once it has closed: nothing was used in it.
    Instant lastHour = since.plus(Duration.ofHours(HOURS));
    received
        .entrySet()
        .removeIf(
            e ->
                e.getKey().endsWith("|" + lastHour) && e.getValue().stream().allMatch(q -> q == 0));
    assertEquals(expected.keySet(), received.keySet(), "every (license, dimension, hour), once");
    for (Map.Entry<String, List<Integer>> entry : received.entrySet()) {
      for (int quantity : entry.getValue()) {
        assertEquals(expected.get(entry.getKey()).intValue(), quantity, entry.getKey());
      }
    }
    try (Connection db = db();
        Statement select = db.createStatement();
        ResultSet rows =
            select.executeQuery(
                "SELECT state, COUNT(*) FROM metering_record"
                    + " WHERE cloud_account_id BETWEEN 1000000 AND 1999999"
                    + " AND usage_hour < '"
                    + utc(lastHour).toString().replace('T', ' ')
                    + "' GROUP BY state")) {
      Map<String, Integer> states = new HashMap<>();
      while (rows.next()) {
        states.put(rows.getString(1), rows.getInt(2));
      }
      assertEquals(Map.of("SENT", expected.size()), states);
    }
    System.out.printf(
        "Cluster metering: %d records, %d at the kill of %s, %d receipts in all%n",
        expected.size(),
        atKill,
        "cluster-" + (char) ('a' + members.indexOf(running)),
        received.values().stream().mapToInt(List::size).sum());
  }

  /**
   * The shipped nginx configuration logs no query string: a mailed link's token, swapped for a
   * cookie at its first request, does not stand in the access log of that request either.
   */
  @Test
  @Order(3)
  void theAccessLogHoldsNoQueryString() throws Exception {
    var answer = Http.get(nginx.uri("/reset-password.xhtml?token=never-logged-token-0123456789"));
    assertEquals(303, answer.statusCode(), answer.body());
    List<String> lines = List.of();
    for (int i = 0; i < 20 && lines.isEmpty(); i++) {
      lines =
          nginx.accessLog().stream()
              .filter(line -> line.contains("GET /reset-password.xhtml HTTP/1.1\" 303"))
              .toList();
      if (lines.isEmpty()) {
        Thread.sleep(100);
      }
    }
    assertEquals(1, lines.size(), "the request is logged: " + nginx.accessLog());
    assertTrue(
        nginx.accessLog().stream().noneMatch(line -> line.contains("never-logged")),
        "no token in the access log: " + lines);
  }
}
