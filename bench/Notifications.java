import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Delivers the same random event histories to two sets of licenses, once in order and twice
 * shuffled, and compares their final states (see bench/notifications.sh). JDK only, plus the H2
 * driver on the class path to read the states.
 *
 * <pre>java -cp h2.jar bench/Notifications.java BASE_URL SANDBOX_URL SECRET JDBC_URL</pre>
 */
public class Notifications {

  static final int LICENSES = 100;
  static final int EVENTS_PER_LICENSE = 10;
  /** The detail types the Seller Guide documents ("Amazon EventBridge events"). */
  static final String[] TYPES = {
    "Purchase Agreement Created - Proposer",
    "Purchase Agreement Amended - Proposer",
    "Purchase Agreement Ended - Proposer",
    "Purchase Agreement Created - Manufacturer",
    "Purchase Agreement Ended - Manufacturer",
    "License Updated - Manufacturer",
    "License Deprovisioned - Manufacturer"
  };

  /** A buyer as the sandbox made it: its license ARN and agreement id. */
  record Buyer(String licenseArn, String agreementId) {}

  record Event(int license, String type, Instant time, int seq) {}

  static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public static void main(String[] args) throws Exception {
    String base = args[0];
    String sandbox = args[1];
    String secret = args[2];
    String jdbc = args[3];

    // Two sets of 100 licenses, each recorded through the fulfillment URL.
    List<Buyer> first = new ArrayList<>();
    List<Buyer> second = new ArrayList<>();
    for (int i = 0; i < 2 * LICENSES; i++) {
      String account = String.format("%012d", 100_000_000_000L + i);
      String buyer =
          send(
              HttpRequest.newBuilder(URI.create(sandbox + "/api/buyers"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"awsAccountId\": \"" + account + "\", \"sendEvents\": false}")),
              201);
      String token = field(buyer, "registrationToken");
      send(
          HttpRequest.newBuilder(URI.create(base + "/marketplace/aws/fulfillment"))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "x-amzn-marketplace-token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))),
              303);
      (i < LICENSES ? first : second).add(new Buyer(field(buyer, "licenseArn"), field(buyer, "agreementId")));
    }

    // Each agreement linked to its license first, as AWS's License Updated does at subscription.
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<Event> links = new ArrayList<>();
    for (int license = 0; license < LICENSES; license++) {
      links.add(new Event(license, "License Updated - Manufacturer", start, -1));
    }
    deliver(base, secret, links, first, "a", 1);
    deliver(base, secret, links, second, "b", 1);

    // One random history per license pair: 10 events, times increasing, some at the same second.
    Random random = new Random(2026);
    List<Event> history = new ArrayList<>();
    for (int license = 0; license < LICENSES; license++) {
      Instant at = start;
      for (int e = 0; e < EVENTS_PER_LICENSE; e++) {
        at = at.plusSeconds(random.nextInt(3) * 60L);
        history.add(new Event(license, TYPES[random.nextInt(TYPES.length)], at, e));
      }
    }

    List<Event> inOrder = new ArrayList<>(history);
    inOrder.sort((a, b) -> a.license() != b.license() ? a.license() - b.license() : a.seq() - b.seq());
    long once = System.nanoTime();
    Map<String, AtomicInteger> outcomesOnce = deliver(base, secret, inOrder, first, "a", 1);
    double onceSeconds = (System.nanoTime() - once) / 1e9;

    List<Event> twice = new ArrayList<>(history);
    twice.addAll(history);
    Collections.shuffle(twice, random);
    long shuffled = System.nanoTime();
    Map<String, AtomicInteger> outcomesTwice = deliver(base, secret, twice, second, "b", 8);
    double twiceSeconds = (System.nanoTime() - shuffled) / 1e9;

    System.out.printf(
        "%d events for %d licenses, once in order, one at a time: %.1f s (%.0f events/s) %s%n",
        inOrder.size(), LICENSES, onceSeconds, inOrder.size() / onceSeconds, outcomesOnce);
    System.out.printf(
        "the same events twice each, shuffled, 8 at a time: %d requests in %.1f s (%.0f/s) %s%n",
        twice.size(), twiceSeconds, twice.size() / twiceSeconds, outcomesTwice);

    int equal = 0;
    try (Connection db = DriverManager.getConnection(jdbc, "billing", "billing")) {
      for (int license = 0; license < LICENSES; license++) {
        String a = state(db, first.get(license));
        String b = state(db, second.get(license));
        if (a.equals(b)) {
          equal++;
        } else {
          System.out.println("license " + license + " differs: in order " + a + ", shuffled " + b);
        }
      }
    }
    System.out.printf(
        "final states equal to delivering once in order: %d of %d licenses%n", equal, LICENSES);
    if (equal != LICENSES) {
      System.exit(1);
    }
  }

  /** Delivers the events to the licenses of one set; counts the outcomes the endpoint gave. */
  static Map<String, AtomicInteger> deliver(
      String base, String secret, List<Event> events, List<Buyer> licenses, String set, int threads)
      throws Exception {
    Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      running.add(
          pool.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < events.size(); i = next.getAndIncrement()) {
                  Event e = events.get(i);
                  String body = body(set, e, licenses.get(e.license()));
                  String answer =
                      send(
                          HttpRequest.newBuilder(URI.create(base + "/marketplace/aws/events"))
                              .header("Content-Type", "application/json")
                              .header("X-Marketplace-Events-Secret", secret)
                              .POST(HttpRequest.BodyPublishers.ofString(body)),
                          200);
                  outcomes.computeIfAbsent(field(answer, "outcome"), k -> new AtomicInteger()).incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    return new TreeMap<>(outcomes);
  }

  /**
   * An event shaped as the Seller Guide's examples: agreement events name the agreement only,
   * license events the license (in the guide's form, without "arn:"), agreement and product.
   */
  static String body(String set, Event e, Buyer buyer) {
    String detail;
    if (e.type().startsWith("License")) {
      detail =
          """
          {"agreement": {"id": "%s"}, "product": {"code": "billing-center-product", "id": "prod-1"},
           "license": {"arn": "%s"}, "acceptor": {"accountId": "845735284135"}}"""
              .formatted(buyer.agreementId(), buyer.licenseArn().replaceFirst("^arn:", ""));
    } else {
      String status = e.type().contains("Ended") ? "CANCELLED" : "ACTIVE";
      detail =
          """
          {"agreement": {"id": "%s", "status": "%s"}, "acceptor": {"accountId": "845735284135"},
           "proposer": {"accountId": "000000000000"}}"""
              .formatted(buyer.agreementId(), status);
    }
    return """
        {"version": "0", "id": "%s-%d-%d", "detail-type": "%s",
         "source": "aws.agreement-marketplace", "account": "000000000000",
         "time": "%s", "region": "us-east-1",
         "resources": ["arn:aws:aws-marketplace::aws:agreement:%s"], "detail": %s}"""
        .formatted(set, e.license(), e.seq(), e.type(), e.time(), buyer.agreementId(), detail);
  }

  static String state(Connection db, Buyer buyer) throws Exception {
    String licenseArn = buyer.licenseArn().replaceAll(".*[:/](l-[^:/]+)$", "$1").toLowerCase();
    try (PreparedStatement query =
        db.prepareStatement(
            "select status, final_metering_until, ended_at, last_event_at,"
                + " (select count(*) from marketplace_event e where e.cloud_account_id = c.id)"
                + " from cloud_account c where license_id = ?")) {
      query.setString(1, licenseArn);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return "(no cloud account)";
        }
        return row.getString(1) + " final window until " + row.getTimestamp(2) + ", ended "
            + row.getTimestamp(3) + ", last " + row.getTimestamp(4) + ", " + row.getLong(5)
            + " events kept";
      }
    }
  }

  static String send(HttpRequest.Builder request, int expected) {
    for (int attempt = 1; ; attempt++) {
      try {
        HttpResponse<String> response =
            HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == expected) {
          return response.body();
        }
        // 503: two deliveries of one event raced; EventBridge would retry, and so do we.
        if (response.statusCode() != 503 || attempt == 5) {
          throw new IllegalStateException(
              "expected " + expected + ", got " + response.statusCode() + ": " + response.body());
        }
      } catch (java.io.IOException e) {
        if (attempt == 5) {
          throw new java.io.UncheckedIOException(e);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + name + " in " + json);
    }
    return m.group(1);
  }
}
