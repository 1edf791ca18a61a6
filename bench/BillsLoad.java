import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bill and the daily chart of one account with millions of usage rows in a month: the rows go
 * in through POST /api/v1/usage (so the roll-up is the one intake keeps), then GET /api/v1/bills
 * and GET /api/v1/bills/daily are timed, beside the raw-row query bills ran before the roll-up
 * (timed on the same database in the same run, as the baseline). With SANDBOX given, every
 * workspace is settled by an AWS buyer of the sandbox whose agreement's terms (a private offer in
 * EUR with a rate per dimension) are read, so that every line is priced by the agreement in force.
 *
 * <p>java -cp postgresql.jar bench/BillsLoad.java BASE SITE_KEY JDBC_URL [workspaces] [requests]
 * [SANDBOX]
 */
public class BillsLoad {

  static final int BATCH = 10_000;
  static final String[] ITEMS = {"data-points", "log-volume", "traces", "synthetic-tests"};
  static final int CLIENTS = 4;

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String siteKey = args[1];
    String jdbc = args[2];
    int workspaceCount = args.length > 3 ? Integer.parseInt(args[3]) : 1050;
    int requests = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    String sandbox = args.length > 5 ? args[5] : null;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String user = "bills" + System.nanoTime();
    String password = "Bench-bills-2026";
    send(http, "POST", base + "/api/v1/accounts", null,
        "{\"username\":\"" + user + "\",\"loginAccount\":\"" + user + "@example.org\",\"password\":\""
            + password + "\"}", null);
    String basic = "Basic " + Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    List<Future<Long>> created = new ArrayList<>();
    for (int i = 0; i < workspaceCount; i++) {
      String body = "{\"name\":\"W" + i + "\",\"siteCode\":\"us1\",\"language\":\"en\"}";
      created.add(pool.submit(() -> id(send(http, "POST", base + "/api/v1/workspaces", basic, body, null))));
    }
    long[] workspaces = new long[workspaceCount];
    for (int i = 0; i < workspaceCount; i++) {
      workspaces[i] = created.get(i).get();
    }
    if (sandbox != null) {
      long cloudAccount = awsBuyer(http, base, sandbox, jdbc, user);
      List<Future<String>> settled = new ArrayList<>();
      for (long workspace : workspaces) {
        settled.add(pool.submit(() -> send(http, "POST",
            base + "/api/v1/workspaces/" + workspace + "/settlement", basic,
            "{\"method\":\"aws\",\"cloudAccountId\":" + cloudAccount + "}", null)));
      }
      for (Future<String> f : settled) {
        f.get();
      }
      System.out.printf("every workspace settled by cloud account %d (EUR private offer)%n",
          cloudAccount);
    }
    // Last month, whole: the workspaces must have existed then, so their first settlement period
    // is moved back (a bench's shortcut; the Billing Center itself never backdates a period).
    YearMonth month = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
    Instant from = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    long owner;
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres");
        Statement statement = db.createStatement()) {
      try (ResultSet row = statement.executeQuery(
          "SELECT id FROM billing_account WHERE username = '" + user + "'")) {
        row.next();
        owner = row.getLong(1);
      }
      statement.executeUpdate("UPDATE settlement_period SET valid_from = TIMESTAMP '"
          + month.minusMonths(1).atDay(1) + " 00:00:00' WHERE workspace_id IN"
          + " (SELECT id FROM workspace WHERE owner_id = " + owner + ")");
      statement.executeUpdate("UPDATE billing_account SET created_at = TIMESTAMP '"
          + month.minusMonths(1).atDay(1) + " 00:00:00' WHERE id = " + owner);
    }
    long hours = ChronoUnit.HOURS.between(from, to);
    long rows = hours * workspaceCount * ITEMS.length;
    System.out.printf("account: %,d workspaces, %d billing items, %d hours of %s: %,d usage rows%n",
        workspaceCount, ITEMS.length, hours, month, rows);
    String run = Long.toString(System.currentTimeMillis(), 36);
    long loadStart = System.nanoTime();
    List<Future<String>> posted = new ArrayList<>();
    StringBuilder batch = null;
    int inBatch = 0;
    long n = 0;
    for (Instant hour = from; hour.isBefore(to); hour = hour.plus(1, ChronoUnit.HOURS)) {
      for (long workspace : workspaces) {
        for (String item : ITEMS) {
          if (batch == null) {
            batch = new StringBuilder(BATCH * 110).append("{\"records\":[");
          } else if (inBatch > 0) {
            batch.append(',');
          }
          batch.append("{\"id\":\"").append(run).append('-').append(n++)
              .append("\",\"workspaceId\":").append(workspace)
              .append(",\"billingItem\":\"").append(item)
              .append("\",\"hour\":\"").append(hour).append("\",\"quantity\":")
              .append(1 + n % 97).append('}');
          if (++inBatch == BATCH) {
            String body = batch.append("]}").toString();
            posted.add(pool.submit(() -> send(http, "POST", base + "/api/v1/usage", null, body, siteKey)));
            batch = null;
            inBatch = 0;
            if (posted.size() >= 4 * CLIENTS) {
              posted.remove(0).get();
            }
          }
        }
      }
    }
    if (batch != null) {
      String body = batch.append("]}").toString();
      posted.add(pool.submit(() -> send(http, "POST", base + "/api/v1/usage", null, body, siteKey)));
    }
    for (Future<String> f : posted) {
      f.get();
    }
    pool.shutdown();
    System.out.printf("stored through POST /api/v1/usage in %.1f s%n", (System.nanoTime() - loadStart) / 1e9);
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres");
        Statement statement = db.createStatement()) {
      statement.execute("VACUUM ANALYZE usage_record");
      statement.execute("VACUUM ANALYZE usage_day");
      try (ResultSet row = statement.executeQuery("SELECT count(*) FROM usage_day WHERE owner_id = " + owner)) {
        row.next();
        System.out.printf("roll-up rows of the account: %,d%n", row.getLong(1));
      }
    }

    String bill = base + "/api/v1/bills?month=" + month;
    String daily = base + "/api/v1/bills/daily?days=60";
    for (int i = 0; i < 10; i++) {
      send(http, "GET", bill, basic, null, null);
      send(http, "GET", daily, basic, null, null);
    }
    String lines = send(http, "GET", bill, basic, null, null);
    long lineCount = lines.split("\"workspaceId\"", -1).length - 1;
    System.out.printf("bill lines: %,d%n", lineCount);
    long byAgreement = lines.split("\"agreementId\":\"", -1).length - 1;
    System.out.printf("lines priced by an agreement: %,d%n", byAgreement);
    if (sandbox != null && byAgreement != lineCount) {
      throw new IllegalStateException("the agreement priced " + byAgreement + " lines only");
    }
    print("GET /api/v1/bills?month=" + month, time(http, bill, basic, requests));
    print("GET /api/v1/bills/daily?days=60", time(http, daily, basic, requests));

    // Baseline: the raw-row sum bills ran before the roll-up (Bills.month until 2026-12-02).
    String raw = "SELECT w.id, w.name, w.site_code, p.settlement_method, p.cloud_account_id,"
        + " u.billing_item, SUM(u.quantity)"
        + " FROM usage_record u JOIN workspace w ON w.id = u.workspace_id"
        + " JOIN settlement_period p ON p.workspace_id = u.workspace_id"
        + " WHERE p.valid_from <= u.usage_hour AND NOT EXISTS (SELECT 1 FROM settlement_period q"
        + " WHERE q.workspace_id = p.workspace_id AND q.valid_from <= u.usage_hour"
        + " AND (q.valid_from > p.valid_from OR (q.valid_from = p.valid_from AND q.id > p.id)))"
        + " AND u.usage_hour >= ? AND u.usage_hour < ? AND w.owner_id = ?"
        + " GROUP BY w.id, w.name, w.site_code, p.settlement_method, p.cloud_account_id, u.billing_item";
    double[] baseline = new double[3];
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres");
        PreparedStatement select = db.prepareStatement(raw)) {
      select.setObject(1, from.atOffset(ZoneOffset.UTC).toLocalDateTime());
      select.setObject(2, to.atOffset(ZoneOffset.UTC).toLocalDateTime());
      select.setLong(3, owner);
      for (int i = 0; i < baseline.length; i++) {
        long start = System.nanoTime();
        int count = 0;
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            count++;
          }
        }
        baseline[i] = (System.nanoTime() - start) / 1e6;
        if (count != lineCount) {
          throw new IllegalStateException("raw rows give " + count + " lines, the bill " + lineCount);
        }
      }
    }
    Arrays.sort(baseline);
    System.out.printf("baseline, the raw-row query alone (JDBC, 3 runs): median %.0f ms%n", baseline[1]);
  }

  /**
   * A sandbox buyer registered through the fulfillment URL, bound to the user as the set-up page
   * does, its agreement linked with read terms (a private offer in EUR; inserted as the terms
   * reader would keep them, so the bench does not wait for it); the cloud account's id.
   */
  static long awsBuyer(HttpClient http, String base, String sandbox, String jdbc, String user)
      throws Exception {
    String awsAccount = Long.toString(100_000_000_000L + System.nanoTime() % 800_000_000_000L);
    String buyer = send(http, "POST", sandbox + "/aws-sandbox/api/buyers", null,
        "{\"awsAccountId\":\"" + awsAccount + "\",\"sendEvents\":false}", null);
    String token = buyer.replaceAll(".*\"registrationToken\":\"([^\"]+)\".*", "$1");
    String agreement = buyer.replaceAll(".*\"agreementId\":\"([^\"]+)\".*", "$1");
    HttpResponse<String> fulfilled = http.send(
        HttpRequest.newBuilder(URI.create(base + "/marketplace/aws/fulfillment"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("x-amzn-marketplace-token="
                + java.net.URLEncoder.encode(token, StandardCharsets.UTF_8)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    if (fulfilled.statusCode() != 303) {
      throw new IllegalStateException("fulfillment: " + fulfilled.statusCode());
    }
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres");
        Statement statement = db.createStatement()) {
      statement.executeUpdate("UPDATE cloud_account SET owner_id = (SELECT id FROM billing_account"
          + " WHERE username = '" + user + "'), status = 'ACTIVE', metering_from = created_at"
          + " WHERE provider_account_id = '" + awsAccount + "'");
      statement.executeUpdate("INSERT INTO marketplace_agreement (id, provider, agreement_id,"
          + " license_key, linked_at, terms_state, pricing_model, currency, usage_rates)"
          + " SELECT -1, provider, '" + agreement + "', license_id, created_at, 'READ',"
          + " 'SUBSCRIPTION', 'EUR', 'DataPoints=0.00085;LogVolume=0.08;Traces=0.04;"
          + "SyntheticTests=0.0015' FROM cloud_account WHERE provider_account_id = '"
          + awsAccount + "'");
      try (ResultSet row = statement.executeQuery(
          "SELECT id FROM cloud_account WHERE provider_account_id = '" + awsAccount + "'")) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  static double[] time(HttpClient http, String url, String basic, int requests) throws Exception {
    double[] ms = new double[requests];
    for (int i = 0; i < requests; i++) {
      long start = System.nanoTime();
      send(http, "GET", url, basic, null, null);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    return ms;
  }

  static void print(String what, double[] ms) {
    System.out.printf("%s: %d requests, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n", what, ms.length,
        ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
  }

  static long id(String body) {
    return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
  }

  static String send(HttpClient http, String method, String url, String authorization, String body,
      String siteKey) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Accept", "application/json");
    if (body != null) {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (siteKey != null) {
      request.header("X-Site-Key", siteKey);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
