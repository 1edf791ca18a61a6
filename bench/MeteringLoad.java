import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One metering run of LICENSES licenses x 4 dimensions (one hour each) against the sandbox.
 *
 * <p>java -cp postgresql.jar bench/MeteringLoad.java seed BASE SANDBOX JDBC_URL LICENSES
 * <br>java -cp postgresql.jar bench/MeteringLoad.java run BASE SANDBOX JDBC_URL OPERATOR_KEY LABEL
 */
public class MeteringLoad {

  public static void main(String[] args) throws Exception {
    String base = args[1];
    String sandbox = args[2];
    String jdbc = args[3];
    HttpClient http =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    if (args[0].equals("seed")) {
      seed(http, base, sandbox, jdbc, Integer.parseInt(args[4]));
    } else {
      run(http, base, jdbc, args[4], args[5]);
    }
  }

  /** Sandbox buyers and their cloud accounts, due for the last closed hour; no records yet. */
  static void seed(HttpClient http, String base, String sandbox, String jdbc, int licenses)
      throws Exception {
    String user = "bench" + System.nanoTime();
    send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/accounts"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"loginAccount\":\""
            + user + "@example.org\",\"password\":\"Bench-metering-2026\"}")));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<String>> buyers = new ArrayList<>();
    for (int i = 0; i < licenses; i++) {
      String account = String.valueOf(100_000_000_000L + i);
      buyers.add(pool.submit(() -> {
        String body = send(http, HttpRequest.newBuilder(URI.create(sandbox + "/api/buyers"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"awsAccountId\":\"" + account + "\", \"sendEvents\": false}")));
        return account + " " + body.replaceAll(".*\"licenseArn\":\"([^\"]+)\".*", "$1");
      }));
    }
    Instant since = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
      db.setAutoCommit(false);
      long owner;
      try (Statement s = db.createStatement();
          ResultSet r = s.executeQuery("SELECT id FROM billing_account WHERE username = '" + user + "'")) {
        r.next();
        owner = r.getLong(1);
      }
      try (PreparedStatement insert = db.prepareStatement(
          "INSERT INTO cloud_account (id, owner_id, provider, provider_account_id, license_id,"
              + " product_code, status, created_at, version, license_arn, metering_from)"
              + " VALUES (?, ?, 'aws', ?, ?, 'billing-center-product', 'ACTIVE', ?, 1, ?, ?)")) {
        long id = 10_000_000L;
        for (Future<String> buyer : buyers) {
          String[] parts = buyer.get().split(" ");
          insert.setLong(1, id++);
          insert.setLong(2, owner);
          insert.setString(3, parts[0]);
          // The license as the application keys it: its l-… resource id, lower case.
          insert.setString(4, parts[1].replaceAll(".*[:/](l-[^:/]+)$", "$1").toLowerCase());
          insert.setObject(5, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
          insert.setString(6, parts[1]);
          insert.setObject(7, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
          insert.addBatch();
        }
        insert.executeBatch();
      }
      db.commit();
    }
    pool.shutdown();
    System.out.printf("seeded %,d licenses due for %s%n", licenses, since);
  }

  /** Forgets what was metered, then times one run started by the operators' endpoint. */
  static void run(HttpClient http, String base, String jdbc, String operatorKey, String label)
      throws Exception {
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres");
        Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM metering_record");
      s.executeUpdate("UPDATE cloud_account SET metered_through = NULL");
    }
    long start = System.nanoTime();
    String run = send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/metering/runs"))
        .timeout(Duration.ofMinutes(10))
        .header("X-Operator-Key", operatorKey)
        .POST(HttpRequest.BodyPublishers.noBody()));
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("%s: one metering run in %.1f s: %s%n", label, seconds, run);
  }

  static String send(HttpClient http, HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return response.body();
  }
}
