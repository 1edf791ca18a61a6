package com.billingcenter.system.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Database;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.Shared;
import com.billingcenter.system.support.WorkspaceCalls;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code POST /api/v1/usage} as the sites use it, over real HTTP, bad input included (each a clear
 * 4xx that stores nothing), and what customers then see: the bill as JSON and CSV and a workspace's
 * hourly usage; the operators' metering runs.
 */
@ResourceLock(Shared.METERING_RUNS)
class UsageApiIT {

  private static final String PASSWORD = "Billing-center-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();
  private final Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);

  private HttpResponse<String> report(String site, String body) {
    return Http.reportUsage(server, site, body);
  }

  private static JsonObject record(
      String id, long workspace, String item, Object hour, Object qty) {
    var r =
        Json.createObjectBuilder()
            .add("id", id)
            .add("workspaceId", workspace)
            .add("billingItem", item);
    r.add("hour", hour.toString());
    if (qty instanceof Long q) {
      r.add("quantity", q);
    } else if (qty instanceof Integer q) {
      r.add("quantity", q);
    } else {
      r.add("quantity", qty.toString());
    }
    return r.build();
  }

  private static String batch(JsonObject... records) {
    JsonArrayBuilder all = Json.createArrayBuilder();
    for (JsonObject r : records) {
      all.add(r);
    }
    return Json.createObjectBuilder().add("records", all).build().toString();
  }

  private static String id() {
    return "it-" + UUID.randomUUID();
  }

  private long stored(String... ids) throws Exception {
    try (Connection db = Database.connect(server);
        PreparedStatement count =
            db.prepareStatement("SELECT COUNT(*) FROM usage_record WHERE record_id = ?")) {
      long total = 0;
      for (String id : ids) {
        count.setString(1, id);
        try (ResultSet rows = count.executeQuery()) {
          rows.next();
          total += rows.getLong(1);
        }
      }
      return total;
    }
  }

  private static void assertRefused(
      HttpResponse<String> response, int status, String code, String reason) {
    assertEquals(status, response.statusCode(), response.body());
    JsonObject body = Http.json(response);
    assertEquals(code, body.getString("error"), response.body());
    if (reason != null) {
      assertTrue(response.body().contains(reason), response.body());
    }
    assertFalse(response.body().contains("Exception"), response.body());
  }

  private long workspace(String user, String name, String site) {
    return WorkspaceCalls.create(server, user, PASSWORD, name, site, "en");
  }

  @Test
  void aSitesBatchIsStoredOnceAndShowsInTheBillTheCsvAndTheWorkspacesUsage() throws Exception {
    String user = Http.register(server, Http.uniqueName("usage"), PASSWORD);
    long us = workspace(user, "=SUM(A1:A9)", "us1");
    long eu = workspace(user, "Europe", "eu1");
    String a = id();
    String b = id();
    String body =
        batch(record(a, us, "data-points", hour, 40L), record(b, us, "log-volume", hour, 3L));
    var first = report("us1", body);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(2, Http.json(first).getInt("accepted"));
    var again = report("us1", body);
    assertEquals(0, Http.json(again).getInt("accepted"), "a retry is counted once");
    assertEquals(2, Http.json(again).getInt("duplicates"));
    assertEquals(200, report("eu1", batch(record(id(), eu, "traces", hour, 10L))).statusCode());

    var bill =
        Http.json(
            Http.get(
                server.uri("/api/v1/bills?month=" + YearMonth.now(ZoneOffset.UTC)),
                user,
                PASSWORD));
    var lines = bill.getJsonArray("lines");
    assertEquals(3, lines.size(), bill.toString());
    assertEquals("in-progress", bill.getString("status"), "this month is in progress");
    JsonObject dataPoints =
        lines.getValuesAs(JsonObject.class).stream()
            .filter(l -> l.getString("billingItem").equals("data-points"))
            .findFirst()
            .orElseThrow();
    assertEquals(40, dataPoints.getInt("quantity"));
    assertEquals("USD", dataPoints.getString("currency"));
    assertEquals("10.00", dataPoints.getJsonNumber("amount").bigDecimalValue().toPlainString());
    assertEquals("billing-center", dataPoints.getString("settlementMethod"));
    assertEquals(
        "10.80", // 10.00 + 0.30 + 0.50
        bill.getJsonArray("totals")
            .getJsonObject(0)
            .getJsonNumber("amount")
            .bigDecimalValue()
            .toPlainString());

    var daily = Http.jsonArray(Http.get(server.uri("/api/v1/bills/daily?days=1"), user, PASSWORD));
    JsonObject todayInUsd =
        daily.getValuesAs(JsonObject.class).stream()
            .filter(d -> d.getString("currency").equals("USD"))
            .findFirst()
            .orElseThrow(() -> new AssertionError(daily.toString()));
    assertEquals(hour.atZone(ZoneOffset.UTC).toLocalDate().toString(), todayInUsd.getString("day"));
    assertEquals(
        "10.80",
        todayInUsd.getJsonNumber("amount").bigDecimalValue().toPlainString(),
        daily.toString());
    assertEquals(
        400, Http.get(server.uri("/api/v1/bills/daily?days=0"), user, PASSWORD).statusCode());
    // Only the months of the account's life have a bill: none is made final (or answers 500) for
    // a month before it or to come.
    for (String month :
        new String[] {
          "0001-01",
          "%2B999999999-12",
          YearMonth.now(ZoneOffset.UTC).minusMonths(1).toString(),
          YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString()
        }) {
      var refused = Http.get(server.uri("/api/v1/bills?month=" + month), user, PASSWORD);
      assertEquals(400, refused.statusCode(), month + ": " + refused.body());
      assertTrue(refused.body().contains("a month of this account's life"), refused.body());
    }

    var csv =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/bills"))
                .header("Authorization", Http.basic(user, PASSWORD))
                .header("Accept", "text/csv"));
    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    String[] rows = csv.body().split("\r\n");
    assertEquals(4, rows.length, csv.body());
    assertTrue(rows[0].startsWith("month,usage_month,settlement_method,cloud_account_id"));

    // Consumption details: per day and billing item over a period, as JSON and CSV.
    String today = hour.atZone(ZoneOffset.UTC).toLocalDate().toString();
    var details =
        Http.jsonArray(
            Http.get(
                server.uri("/api/v1/bills/consumption?from=" + today + "&to=" + today),
                user,
                PASSWORD));
    assertEquals(3, details.size(), details.toString());
    assertEquals(
        "traces", details.getJsonObject(2).getString("billingItem"), "day, then item order");
    var oneWorkspace =
        Http.jsonArray(
            Http.get(server.uri("/api/v1/bills/consumption?workspaceId=" + eu), user, PASSWORD));
    assertEquals(1, oneWorkspace.size(), oneWorkspace.toString());
    var detailsCsv =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/bills/consumption?from=" + today))
                .header("Authorization", Http.basic(user, PASSWORD))
                .header("Accept", "text/csv"));
    assertTrue(
        detailsCsv.body().startsWith("day,billing_item,quantity,unit,amount,currency\r\n"),
        detailsCsv.body());
    assertTrue(detailsCsv.body().contains(today + ",data-points,40,"), detailsCsv.body());
    for (String bad :
        new String[] {
          "from=2026-13-01", "from=2024-01-01&to=2026-01-01", "from=2026-01-02&to=2026-01-01"
        }) {
      assertEquals(
          400,
          Http.get(server.uri("/api/v1/bills/consumption?" + bad), user, PASSWORD).statusCode(),
          bad);
    }
    String stranger = Http.register(server, Http.uniqueName("stranger"), PASSWORD);
    assertEquals(
        404,
        Http.get(server.uri("/api/v1/bills/consumption?workspaceId=" + us), stranger, PASSWORD)
            .statusCode(),
        "another's workspace");
    assertTrue(
        csv.body().contains(",'=SUM(A1:A9),"), "a formula is written as text: " + csv.body());

    var usage =
        Http.jsonArray(Http.get(server.uri("/api/v1/workspaces/" + us + "/usage"), user, PASSWORD));
    assertEquals(2, usage.size(), usage.toString());
    assertEquals(hour.toString(), usage.getJsonObject(0).getString("hour"));
  }

  private boolean storedLate(String id) throws Exception {
    try (Connection db = Database.connect(server);
        PreparedStatement select =
            db.prepareStatement("SELECT late FROM usage_record WHERE record_id = ?")) {
      select.setString(1, id);
      try (ResultSet rows = select.executeQuery()) {
        assertTrue(rows.next(), id + " is stored");
        return rows.getBoolean(1);
      }
    }
  }

  /**
   * Issue "nothing lost": usage of an hour that closed three hours ago is taken, with the batch it
   * came in, flagged late (metering carries it to a later hour) and shown in its own hour; the same
   * batch again is answered as duplicates.
   */
  @Test
  void lateUsageIsStoredWithItsBatchShownInItsOwnHourAndARetryIsADuplicate() throws Exception {
    String user = Http.register(server, Http.uniqueName("late"), PASSWORD);
    long us = workspace(user, "Late reports", "us1");
    Instant threeHoursAgo = hour.minus(Duration.ofHours(3));
    Database.settledSince(server, us, threeHoursAgo);
    String late = id();
    String onTime = id();
    String body =
        batch(
            record(late, us, "traces", threeHoursAgo, 7L), record(onTime, us, "traces", hour, 1L));
    var first = report("us1", body);
    assertEquals(200, first.statusCode(), first.body());
    assertEquals(2, Http.json(first).getInt("accepted"), first.body());
    assertEquals(1, Http.json(first).getInt("late"), "the answer counts the late record");
    var again = report("us1", body);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(0, Http.json(again).getInt("accepted"));
    assertEquals(0, Http.json(again).getInt("late"));
    assertEquals(2, Http.json(again).getInt("duplicates"));
    assertTrue(storedLate(late), "usage of a closed hour is late");
    assertFalse(storedLate(onTime));

    var usage =
        Http.jsonArray(Http.get(server.uri("/api/v1/workspaces/" + us + "/usage"), user, PASSWORD));
    JsonObject ofItsHour =
        usage.getValuesAs(JsonObject.class).stream()
            .filter(u -> u.getString("hour").equals(threeHoursAgo.toString()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no usage at " + threeHoursAgo + ": " + usage));
    assertEquals(7, ofItsHour.getInt("quantity"));
    assertEquals("billing-center", ofItsHour.getString("settlementMethod"));
  }

  /** A stored record sent again is a duplicate before any time rule, even past the horizon. */
  @Test
  void aKnownIdIsADuplicateWhateverItsHour() throws Exception {
    String user = Http.register(server, Http.uniqueName("known"), PASSWORD);
    long us = workspace(user, "Known ids", "us1");
    Instant old = hour.minus(Duration.ofDays(40));
    String known = id();
    try (Connection db = Database.connect(server);
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO usage_record (site_code, record_id, workspace_id, billing_item,"
                    + " usage_hour, quantity, received_at) VALUES ('us1', ?, ?, 'traces', ?, 2, ?)")) {
      insert.setString(1, known);
      insert.setLong(2, us);
      insert.setObject(3, old.atOffset(ZoneOffset.UTC).toLocalDateTime());
      insert.setObject(4, old.atOffset(ZoneOffset.UTC).toLocalDateTime());
      insert.executeUpdate();
    }
    var retry = report("us1", batch(record(known, us, "traces", old, 2L)));
    assertEquals(200, retry.statusCode(), retry.body());
    assertEquals(1, Http.json(retry).getInt("duplicates"), retry.body());
    assertRefused(
        report("us1", batch(record(known, us, "traces", old, 3L))),
        422,
        "usage.refused",
        "reported before with another record");
  }

  @Test
  void badReportsGetAClear4xxAndStoreNothing() throws Exception {
    String user = Http.register(server, Http.uniqueName("usagebad"), PASSWORD);
    long us = workspace(user, "US", "us1");
    long eu = workspace(user, "EU", "eu1");
    String good = id();

    var noKey =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/usage"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        batch(record(good, us, "traces", hour, 1L)))));
    assertRefused(noKey, 401, "site.unauthorized", null);
    var wrongKey =
        Http.send(
            HttpRequest.newBuilder(server.uri("/api/v1/usage"))
                .header("X-Site-Key", "not-a-key-of-any-site")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        batch(record(good, us, "traces", hour, 1L)))));
    assertRefused(wrongKey, 401, "site.unauthorized", null);

    String[][] cases = {
      // another site's workspace, negative, not a number, fractional, off the hour, future,
      // older than the lateness horizon (30 days), unknown item
      {"eu", "traces", hour.toString(), "1", "no workspace"},
      {"us", "traces", hour.toString(), "-1", "negative"},
      {"us", "traces", hour.toString(), "abc", "whole number"},
      {"us", "traces", hour.toString(), "1.5", "whole number"},
      {"us", "traces", hour.plus(Duration.ofMinutes(30)).toString(), "1", "on the hour"},
      {"us", "traces", hour.plus(Duration.ofHours(2)).toString(), "1", "future"},
      {"us", "traces", hour.minus(Duration.ofDays(31)).toString(), "1", "too old"},
      {"us", "nothing", hour.toString(), "1", "unknown billingItem"},
    };
    for (String[] c : cases) {
      long workspace = c[0].equals("eu") ? eu : us;
      String bad = id();
      String quantity = c[3];
      String json =
          "{\"records\": [{\"id\": \""
              + good
              + "\", \"workspaceId\": "
              + us
              + ", \"billingItem\": \"traces\", \"hour\": \""
              + hour
              + "\", \"quantity\": 1}, {\"id\": \""
              + bad
              + "\", \"workspaceId\": "
              + workspace
              + ", \"billingItem\": \""
              + c[1]
              + "\", \"hour\": \""
              + c[2]
              + "\", \"quantity\": "
              + (quantity.equals("abc") ? "\"abc\"" : quantity)
              + "}]}";
      var refused = report("us1", json);
      assertRefused(refused, 422, "usage.refused", c[4]);
      assertEquals(1, Http.json(refused).getJsonArray("problems").getJsonObject(0).getInt("index"));
      assertEquals(0, stored(good, bad), "nothing of a refused batch is stored: " + c[4]);
    }

    // The same id twice in a batch with other records, and again later with another quantity.
    String twice = id();
    assertRefused(
        report(
            "us1",
            batch(record(twice, us, "traces", hour, 1L), record(twice, us, "traces", hour, 2L))),
        422,
        "usage.refused",
        "twice");
    assertEquals(0, stored(twice));
    assertEquals(200, report("us1", batch(record(twice, us, "traces", hour, 1L))).statusCode());
    assertRefused(
        report("us1", batch(record(twice, us, "traces", hour, 5L))),
        422,
        "usage.refused",
        "reported before with another record");

    assertRefused(report("us1", "{\"records\": [ {\"id\": "), 400, "malformedBody", null);
    assertRefused(report("us1", "[1, 2]"), 400, "malformedBody", null);

    StringBuilder many = new StringBuilder("{\"records\": [");
    for (int i = 0; i < 10_001; i++) {
      many.append(i == 0 ? "" : ",").append("{}");
    }
    assertRefused(report("us1", many.append("]}").toString()), 413, "usage.tooMany", "10000");
    StringBuilder huge = new StringBuilder("{\"records\": [");
    for (int i = 0; i < 100_000; i++) {
      huge.append(i == 0 ? "" : ",").append(record("big-" + i, us, "traces", hour, 1L).toString());
    }
    assertRefused(
        report("us1", huge.append("]}").toString()), 413, "usage.tooLarge", "10000 records");
    assertEquals(0, stored("big-0", "big-99999"));
  }

  @Test
  void anotherAccountsWorkspaceAndCloudAccountLookMissing() throws Exception {
    String owner = Http.register(server, Http.uniqueName("usageown"), PASSWORD);
    String other = Http.register(server, Http.uniqueName("usageoth"), PASSWORD);
    long workspace = workspace(owner, "Mine", "us1");
    long cloudAccount = Database.registerAwsAccount(server, owner, "123456789012");
    var usage = Http.get(server.uri("/api/v1/workspaces/" + workspace + "/usage"), other, PASSWORD);
    assertRefused(usage, 404, "workspace.notFound", null);
    var ledger =
        Http.get(
            server.uri("/api/v1/cloud-accounts/" + cloudAccount + "/metering"), other, PASSWORD);
    assertRefused(ledger, 404, "cloudAccount.notFound", null);
    var mine =
        Http.get(
            server.uri("/api/v1/cloud-accounts/" + cloudAccount + "/metering"), owner, PASSWORD);
    assertEquals(200, mine.statusCode(), mine.body());
    assertRefused(
        Http.get(
            server.uri("/api/v1/cloud-accounts/" + cloudAccount + "/metering?from=yesterday"),
            owner,
            PASSWORD),
        400,
        "parameter.invalid",
        null);
    assertRefused(
        Http.get(
            server.uri(
                "/api/v1/cloud-accounts/"
                    + cloudAccount
                    + "/metering?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z"),
            owner,
            PASSWORD),
        400,
        "metering.range",
        null);
  }

  @Test
  void operatorsSeeAndStartMeteringRunsWithTheirKeyOnly() {
    URI runs = server.uri("/api/v1/metering/runs");
    assertRefused(Http.get(runs), 401, "operator.unauthorized", null);
    // The run meters every account of the shared server, which every test adds to: on a slow
    // day it took over 30 s on PostgreSQL. What is tested here is who may start it.
    var started =
        Http.send(
            HttpRequest.newBuilder(runs)
                .header("X-Operator-Key", BillingCenterServer.OPERATOR_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()),
            java.time.Duration.ofMinutes(3));
    assertTrue(started.statusCode() == 200 || started.statusCode() == 409, started.body());
    var listed =
        Http.send(
            HttpRequest.newBuilder(runs)
                .header("X-Operator-Key", BillingCenterServer.OPERATOR_KEY));
    assertEquals(200, listed.statusCode(), listed.body());
    assertFalse(Http.jsonArray(listed).isEmpty());
  }

  private HttpResponse<String> requeue(String key, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(server.uri("/api/v1/metering/records/requeue"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("X-Operator-Key", key);
    }
    return Http.send(request);
  }

  /** Requeueing takes the operator key and refuses states and ranges it cannot requeue, clearly. */
  @Test
  void requeueingIsForOperatorsAndOnlyOfRefusedOrTooLateRecords() {
    String range = "\"from\": \"" + hour.minus(Duration.ofDays(1)) + "\", \"to\": \"" + hour + "\"";
    String ok = "{\"states\": [\"refused\", \"too_late\"], " + range + "}";
    assertRefused(requeue(null, ok), 401, "operator.unauthorized", null);
    assertRefused(requeue("not-the-operator-key", ok), 401, "operator.unauthorized", null);
    String key = BillingCenterServer.OPERATOR_KEY;
    assertRefused(
        requeue(key, "{\"states\": [\"sent\"], " + range + "}"),
        400,
        "metering.requeueStates",
        "refused and too_late");
    assertRefused(
        requeue(key, "{\"states\": [\"<script>\"], " + range + "}"),
        400,
        "metering.requeueStates",
        null);
    assertRefused(
        requeue(
            key,
            "{\"states\": [\"refused\"], \"from\": \""
                + hour.minus(Duration.ofDays(40))
                + "\", \"to\": \""
                + hour
                + "\"}"),
        400,
        "metering.range",
        "31 days");
    assertRefused(requeue(key, "{\"states\": [\"refused\"]}"), 400, "metering.requeue", null);
    assertRefused(requeue(key, "{\"states\": "), 400, "malformedBody", null);
    var done = requeue(key, ok);
    assertEquals(200, done.statusCode(), done.body());
    assertTrue(Http.json(done).containsKey("requeued"), done.body());
  }
}
