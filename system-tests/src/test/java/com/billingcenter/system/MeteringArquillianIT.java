package com.billingcenter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.metering.boundary.Metering;
import com.billingcenter.metering.boundary.MeteringLedger;
import com.billingcenter.metering.entity.MeteringRun;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.usage.entity.ReportedUsage;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hourly metering inside Payara Micro on the real database, with a clock the test moves and the
 * tests' sandbox as AWS Marketplace (the real SDK over HTTP): usage of two workspaces on two sites
 * summed per dimension, idle dimensions sent as 0, faults injected and still every hour sent once
 * with its one quantity, and the final flush of an ending license.
 */
@ExtendWith(ArquillianExtension.class)
class MeteringArquillianIT {

  private static final String PASSWORD = "Arquillian-2026";

  @Deployment
  static WebArchive deployment() {
    return MicroWarDeployment.create(MovableClock.class);
  }

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject UsageIntake usage;
  @Inject Metering metering;
  @Inject MeteringLedger ledger;
  @Inject SubscriptionLifecycle lifecycle;
  @Inject MovableClock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  private final HttpClient http = HttpClient.newHttpClient();

  private String sandbox(String path) {
    return ConfigProvider.getConfig().getValue("billing.aws.endpoint-override", String.class)
        + path;
  }

  private String call(String method, String path, String body) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(sandbox(path)))
                .header("Content-Type", "application/json")
                .method(
                    method,
                    body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertTrue(response.statusCode() < 300, path + ": " + response.body());
    return response.body();
  }

  /** What the sandbox recorded for the license: (dimension, hour) → quantities received. */
  private Map<String, List<Integer>> received(String licenseArn) throws Exception {
    JsonArray all =
        Json.createReader(new StringReader(call("GET", "/api/metering", null))).readArray();
    Map<String, List<Integer>> byKey = new HashMap<>();
    for (JsonObject r : all.getValuesAs(JsonObject.class)) {
      if (licenseArn.equals(r.getString("licenseArn", null))) {
        byKey
            .computeIfAbsent(
                r.getString("dimension") + "@" + Instant.parse(r.getString("timestamp")),
                k -> new java.util.ArrayList<>())
            .add(r.getInt("quantity"));
        assertEquals("Success", r.getString("status"), r.toString());
      }
    }
    return byKey;
  }

  /**
   * A new buyer in the sandbox, in AWS partition {@code partition}. This test sends the lifecycle
   * itself; on PostgreSQL the shared server, which the sandbox would send its events to, shares
   * this database.
   */
  private JsonObject sandboxBuyer(String awsAccountId, String partition) throws Exception {
    String body =
        "{\"awsAccountId\": \"%s\", \"partition\": \"%s\", \"sendEvents\": false}"
            .formatted(awsAccountId, partition);
    return Json.createReader(new StringReader(call("POST", "/api/buyers", body))).readObject();
  }

  /**
   * A customer, and a cloud account of theirs bound now to a new sandbox buyer of {@code
   * partition}.
   */
  private record Bound(BillingAccount owner, CloudAccount account, String license) {}

  private Bound boundBuyer(String namePrefix, String partition) throws Exception {
    String username = namePrefix + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner = accounts.register(username, username + "@example.org", PASSWORD);
    String awsAccountId =
        Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    JsonObject buyer = sandboxBuyer(awsAccountId, partition);
    String license = buyer.getString("licenseArn");
    transaction.begin();
    CloudAccount account =
        CloudAccount.buyer(
            partition,
            awsAccountId,
            AwsLicenses.of(license, null),
            buyer.getString("productCode"),
            clock);
    account.bindTo(owner.id(), clock.instant());
    em.persist(account);
    transaction.commit();
    return new Bound(owner, account, license);
  }

  private static ReportedUsage used(long workspace, String item, Instant hour, long quantity) {
    return new ReportedUsage("u-" + UUID.randomUUID(), workspace, item, hour, quantity);
  }

  private MeteringRun runUntilNothingPending() {
    MeteringRun run = null;
    for (int i = 0; i < 10; i++) {
      run = metering.run();
      assertNotNull(run, "no other run is going on");
      if (run.recordsPending() == 0) {
        return run;
      }
    }
    return run;
  }

  @Test
  void everyHourOfEveryDimensionIsSentOnceWithItsOneQuantityThroughFaultsAndTheFinalFlush()
      throws Exception {
    // Four hours ago on the hour: the sandbox takes timestamps of the last six hours.
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Bound bound = boundBuyer("mt-", "aws");
    BillingAccount owner = bound.owner();
    CloudAccount account = bound.account();
    String license = bound.license();
    Workspace us =
        workspaces.create(owner, "Metered US", "us1", "en", Plan.COMMERCIAL, "aws", account.id());
    Workspace eu =
        workspaces.create(owner, "Metered EU", "eu1", "zh", Plan.COMMERCIAL, "aws", account.id());
    Workspace own = workspaces.create(owner, "Paid directly", "us1", "en", Plan.COMMERCIAL);

    // Hour h0: data points on both sites, log volume on one; the directly paid workspace's usage
    // is not AWS's. A retry of a batch counts once.
    List<ReportedUsage> usBatch =
        List.of(
            used(us.id(), "data-points", h0, 7),
            used(us.id(), "log-volume", h0, 3),
            used(own.id(), "data-points", h0, 1000));
    assertEquals(3, usage.receive("us1", usBatch, Map.of()).accepted());
    assertEquals(3, usage.receive("us1", usBatch, Map.of()).duplicates());
    usage.receive("eu1", List.of(used(eu.id(), "data-points", h0, 5)), Map.of());

    clock.set(h0.plus(Duration.ofMinutes(74)));
    MeteringRun early = metering.run();
    assertTrue(
        ledger.ledger(owner, account.id(), h0, h0.plus(Duration.ofHours(1))).isEmpty(),
        "usage of h0 is open until 15 minutes after it ends: " + early.recordsWritten());

    clock.set(h0.plus(Duration.ofMinutes(76)));
    MeteringRun run = runUntilNothingPending();
    assertEquals(0, run.recordsPending());
    List<MeteringLedger.Line> hour0 = ledger.ledger(owner, account.id(), h0, h0.plusSeconds(3600));
    Map<String, Long> sent = new HashMap<>();
    for (MeteringLedger.Line line : hour0) {
      assertEquals(MeteringState.SENT, line.state(), line.toString());
      assertTrue(line.agree(), line.toString());
      assertNotNull(line.meteringRecordId());
      sent.put(line.dimension(), line.sentQuantity());
    }
    assertEquals(
        Map.of("DataPoints", 12L, "LogVolume", 3L, "SyntheticTests", 0L, "Traces", 0L), sent);
    Map<String, List<Integer>> received = received(license);
    assertEquals(List.of(12), received.get("DataPoints@" + h0));
    assertEquals(List.of(0), received.get("Traces@" + h0), "an idle dimension is sent as 0");

    // Hour h1 under faults: throttling, server errors, unprocessed records, latency.
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h1.plus(Duration.ofMinutes(30)));
    usage.receive("us1", List.of(used(us.id(), "traces", h1, 40)), Map.of());
    call(
        "POST",
        "/api/faults",
        "{\"throttleRate\": 0.4, \"serverErrorRate\": 0.3, \"unprocessedRate\": 0.4,"
            + " \"latencyMs\": 20}");
    try {
      clock.set(h1.plus(Duration.ofMinutes(76)));
      runUntilNothingPending();
    } finally {
      call("POST", "/api/faults", "{}");
    }
    runUntilNothingPending();
    for (MeteringLedger.Line line : ledger.ledger(owner, account.id(), h1, h1.plusSeconds(3600))) {
      assertEquals(MeteringState.SENT, line.state(), line.toString());
      assertEquals(line.dimension().equals("Traces") ? 40 : 0, line.sentQuantity());
    }

    // Unsubscribe pending at h2+20min: the final window closes at h3+20min. h2 is sent as soon
    // as it ends; h3 (unfinished) shortly before the window closes, with the usage so far.
    Instant h2 = h0.plus(Duration.ofHours(2));
    Instant h3 = h0.plus(Duration.ofHours(3));
    clock.set(h2.plus(Duration.ofMinutes(20)));
    usage.receive("us1", List.of(used(us.id(), "data-points", h2, 9)), Map.of());
    lifecycle.receive(
        new SubscriptionEvent(
            "eventbridge",
            UUID.randomUUID().toString(),
            "aws",
            AwsLicenses.key(license, null),
            null,
            null,
            SubscriptionChange.ENDING,
            clock.instant()));
    clock.set(h3.plus(Duration.ofMinutes(2)));
    usage.receive("eu1", List.of(used(eu.id(), "data-points", h3, 4)), Map.of());
    runUntilNothingPending();
    assertEquals(
        9L,
        ledger.ledger(owner, account.id(), h2, h3).stream()
            .filter(l -> l.dimension().equals("DataPoints"))
            .findFirst()
            .orElseThrow()
            .sentQuantity(),
        "h2 is sent without waiting 15 minutes");
    assertTrue(ledger.ledger(owner, account.id(), h3, h3.plusSeconds(3600)).isEmpty());
    clock.set(h3.plus(Duration.ofMinutes(11)));
    runUntilNothingPending();
    List<MeteringLedger.Line> flushed =
        ledger.ledger(owner, account.id(), h3, h3.plusSeconds(3600));
    assertEquals(4, flushed.size());
    for (MeteringLedger.Line line : flushed) {
      assertTrue(line.finalFlush(), line.toString());
      assertEquals(MeteringState.SENT, line.state());
      assertEquals(line.dimension().equals("DataPoints") ? 4 : 0, line.sentQuantity());
    }

    // Every (dimension, hour) reached the sandbox with one quantity only, from h0 to h3.
    received = received(license);
    assertEquals(16, received.size(), received.toString());
    for (Map.Entry<String, List<Integer>> entry : received.entrySet()) {
      assertEquals(1, entry.getValue().stream().distinct().count(), entry.toString());
    }
    assertEquals(List.of(40), received.get("Traces@" + h1).stream().distinct().toList());
  }

  /**
   * A cloud account of AWS's China partition is metered through that partition's Marketplace
   * connection (billing.aws-cn.*), with its arn:aws-cn: license; the hourly run once picked only
   * the global partition's accounts, and a China buyer's usage reached nobody.
   */
  @Test
  void aChinaPartitionsAccountIsMeteredThroughItsOwnMarketplace() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Bound bound = boundBuyer("cn-", "aws-cn");
    BillingAccount owner = bound.owner();
    CloudAccount account = bound.account();
    String license = bound.license();
    assertTrue(license.startsWith("arn:aws-cn:"), license);
    Workspace ningxia =
        workspaces.create(
            owner, "Metered Ningxia", "cn2", "zh", Plan.COMMERCIAL, "aws-cn", account.id());
    usage.receive("cn2", List.of(used(ningxia.id(), "data-points", h0, 6)), Map.of());

    clock.set(h0.plus(Duration.ofMinutes(76)));
    runUntilNothingPending();
    Map<String, Long> sent = new HashMap<>();
    for (MeteringLedger.Line line : ledger.ledger(owner, account.id(), h0, h0.plusSeconds(3600))) {
      assertEquals(MeteringState.SENT, line.state(), line.toString());
      sent.put(line.dimension(), line.sentQuantity());
    }
    assertEquals(
        Map.of("DataPoints", 6L, "LogVolume", 0L, "SyntheticTests", 0L, "Traces", 0L), sent);
    assertEquals(List.of(6), received(license).get("DataPoints@" + h0));
  }
}
