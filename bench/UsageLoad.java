import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Usage ingestion through POST /api/v1/usage against a raw PostgreSQL COPY of the same rows.
 *
 * <p>java -cp postgresql.jar bench/UsageLoad.java BASE SITE_KEY JDBC_URL [batches] [clients]
 */
public class UsageLoad {

  static final int BATCH = 10_000;
  static final int WORKSPACES = 200;
  static final String[] ITEMS = {"data-points", "log-volume", "traces", "synthetic-tests"};

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String siteKey = args[1];
    String jdbc = args[2];
    int batches = args.length > 3 ? Integer.parseInt(args[3]) : 40;
    int clients = args.length > 4 ? Integer.parseInt(args[4]) : 4;
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String user = "bench" + System.nanoTime();
    String password = "Bench-usage-2026";
    post(http, base + "/api/v1/accounts", null,
        "{\"username\":\"" + user + "\",\"loginAccount\":\"" + user + "@example.org\",\"password\":\"" + password + "\"}", null);
    String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    long[] workspaces = new long[WORKSPACES];
    for (int i = 0; i < WORKSPACES; i++) {
      String body = post(http, base + "/api/v1/workspaces", basic,
          "{\"name\":\"W" + i + "\",\"siteCode\":\"us1\",\"language\":\"en\"}", null);
      workspaces[i] = jakarta(body);
    }
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
    String run = Long.toString(System.currentTimeMillis(), 36);
    // Warm-up: 3 batches.
    for (int b = 0; b < 3; b++) {
      post(http, base + "/api/v1/usage", null, batch(run + "w" + b, workspaces, hour), siteKey);
    }
    List<String> bodies = new ArrayList<>();
    for (int b = 0; b < batches; b++) {
      bodies.add(batch(run + "b" + b, workspaces, hour));
    }
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong accepted = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> futures = new ArrayList<>();
    for (String body : bodies) {
      futures.add(pool.submit(() -> {
        String answer = post(http, base + "/api/v1/usage", null, body, siteKey);
        accepted.addAndGet(Long.parseLong(answer.replaceAll(".*\"accepted\":(\\d+).*", "$1")));
        return null;
      }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    double apiSeconds = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    long records = (long) batches * BATCH;
    if (accepted.get() != records) {
      throw new IllegalStateException("accepted " + accepted.get() + " of " + records);
    }

    // The same rows (other ids) by COPY, straight into the table.
    StringBuilder csv = new StringBuilder();
    String at = LocalDateTime.ofInstant(hour, ZoneOffset.UTC).toString().replace('T', ' ');
    for (int b = 0; b < batches; b++) {
      for (int i = 0; i < BATCH; i++) {
        csv.append("us1,copy-").append(run).append('-').append(b).append('-').append(i).append(',')
            .append(workspaces[i % WORKSPACES]).append(',').append(ITEMS[i % ITEMS.length]).append(',')
            .append(at).append(',').append(1 + i % 97).append(',').append(at).append('\n');
      }
    }
    double copySeconds;
    try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
      long copyStart = System.nanoTime();
      db.unwrap(PGConnection.class).getCopyAPI().copyIn(
          "COPY usage_record (site_code, record_id, workspace_id, billing_item, usage_hour,"
              + " quantity, received_at) FROM STDIN WITH (FORMAT csv)",
          new StringReader(csv.toString()));
      copySeconds = (System.nanoTime() - copyStart) / 1e9;
    }
    double api = records / apiSeconds;
    double copy = records / copySeconds;
    System.out.printf("records: %,d in batches of %,d, %d concurrent clients%n", records, BATCH, clients);
    System.out.printf("API (POST /api/v1/usage): %.2f s, %,.0f records/s%n", apiSeconds, api);
    System.out.printf("raw COPY of the same rows: %.2f s, %,.0f records/s%n", copySeconds, copy);
    System.out.printf("API / COPY: %.0f %%%n", 100 * api / copy);
  }

  static long jakarta(String body) {
    return Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
  }

  static String batch(String prefix, long[] workspaces, Instant hour) {
    StringBuilder out = new StringBuilder(BATCH * 110).append("{\"records\":[");
    for (int i = 0; i < BATCH; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append("{\"id\":\"").append(prefix).append('-').append(i)
          .append("\",\"workspaceId\":").append(workspaces[i % workspaces.length])
          .append(",\"billingItem\":\"").append(ITEMS[i % ITEMS.length])
          .append("\",\"hour\":\"").append(hour).append("\",\"quantity\":").append(1 + i % 97).append('}');
    }
    return out.append("]}").toString();
  }

  static String post(HttpClient http, String url, String authorization, String body, String siteKey)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
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
