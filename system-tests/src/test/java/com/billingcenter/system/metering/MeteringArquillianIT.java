package com.billingcenter.system.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.bill.control.BillLine;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.metering.boundary.Metering;
import com.billingcenter.metering.boundary.MeteringLedger;
import com.billingcenter.metering.boundary.MeteringRequeue;
import com.billingcenter.metering.control.MeteringHealthCheck;
import com.billingcenter.metering.control.MeteringStore;
import com.billingcenter.metering.entity.MeteringRun;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SandboxCalls;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.usage.entity.ReportedUsage;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.SettlementPeriod;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Hourly metering inside Payara Micro on the real database, with a clock the test moves and the
 * tests' sandbox as AWS Marketplace (the real SDK over HTTP): usage of two workspaces on two sites
 * summed per dimension, idle dimensions sent as 0, faults injected and still every hour sent once
 * with its one quantity, and the final flush of an ending license.
 */
@Isolated("it injects faults into the shared sandbox, which every other test may call")
class MeteringArquillianIT extends ContainerTest {

  private static final String PASSWORD = "Arquillian-2026";

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject UsageIntake usage;
  @Inject Bills bills;
  @Inject MeteringStore store;
  @Inject MeteringRequeue requeue;
  @Inject BillingItems items;
  @Inject @Readiness MeteringHealthCheck health;
  @Inject Metering metering;
  @Inject MeteringLedger ledger;
  @Inject SubscriptionLifecycle lifecycle;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  /**
   * A customer, and a cloud account of theirs bound now to a new sandbox buyer of {@code
   * partition}.
   */
  private record Bound(BillingAccount owner, CloudAccount account, String license) {}

  private Bound boundBuyer(String namePrefix, String partition) throws Exception {
    String username = namePrefix + UUID.randomUUID().toString().substring(0, 8);
    return boundBuyer(accounts.register(username, username + "@example.org", PASSWORD), partition);
  }

  /** Another cloud account of {@code owner}, bound now to a new sandbox buyer. */
  private Bound boundBuyer(BillingAccount owner, String partition) throws Exception {
    String awsAccountId =
        Long.toString(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
    JsonObject buyer = SandboxCalls.quietBuyer(awsAccountId, partition);
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

  /** A new workspace on us1, in English, on the Commercial Plan settled by the bound account. */
  private Workspace settledBy(Bound bound, String name) {
    return workspaces.create(
        bound.owner(), name, "us1", "en", Plan.COMMERCIAL, "aws", bound.account().id());
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
    Map<String, List<Integer>> received = SandboxCalls.received(license);
    assertEquals(List.of(12), received.get("DataPoints@" + h0));
    assertEquals(List.of(0), received.get("Traces@" + h0), "an idle dimension is sent as 0");
    // Issue 26, item 6: the record is split per workspace and site (API reference,
    // UsageAllocation: the parts sum to the quantity), so the buyer's AWS bill can be too.
    assertEquals(
        List.of("7 " + us.id() + " us1", "5 " + eu.id() + " eu1"),
        SandboxCalls.allocations(license, "DataPoints", h0));
    assertEquals(
        List.of(), SandboxCalls.allocations(license, "Traces", h0), "nothing to split in 0");

    // Hour h1 under faults: throttling, server errors, unprocessed records, latency.
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h1.plus(Duration.ofMinutes(30)));
    usage.receive("us1", List.of(used(us.id(), "traces", h1, 40)), Map.of());
    SandboxCalls.call(
        "POST",
        "/api/faults",
        "{\"throttleRate\": 0.4, \"serverErrorRate\": 0.3, \"unprocessedRate\": 0.4,"
            + " \"latencyMs\": 20}");
    try {
      clock.set(h1.plus(Duration.ofMinutes(76)));
      runUntilNothingPending();
    } finally {
      SandboxCalls.call("POST", "/api/faults", "{}");
    }
    runUntilNothingPending();
    for (MeteringLedger.Line line : ledger.ledger(owner, account.id(), h1, h1.plusSeconds(3600))) {
      assertEquals(MeteringState.SENT, line.state(), line.toString());
      assertEquals(line.dimension().equals("Traces") ? 40 : 0, line.sentQuantity());
    }

    // Unsubscribe pending at h2+20min: the final window closes at h3+20min. h2 keeps its
    // 15-minute close (usage reported for it at h3+5 counts); h2 and h3 (unfinished) go shortly
    // before the window closes, h3 with the usage so far.
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
    assertTrue(
        ledger.ledger(owner, account.id(), h2, h3).isEmpty(),
        "h2 is open until h3+15min, ending or not");
    clock.set(h3.plus(Duration.ofMinutes(5)));
    usage.receive("us1", List.of(used(us.id(), "data-points", h2, 1)), Map.of());
    assertTrue(ledger.ledger(owner, account.id(), h3, h3.plusSeconds(3600)).isEmpty());
    clock.set(h3.plus(Duration.ofMinutes(11)));
    runUntilNothingPending();
    assertEquals(
        10L,
        ledger.ledger(owner, account.id(), h2, h3).stream()
            .filter(l -> l.dimension().equals("DataPoints"))
            .findFirst()
            .orElseThrow()
            .sentQuantity(),
        "h2 holds the usage reported for it before it closed");
    List<MeteringLedger.Line> flushed =
        ledger.ledger(owner, account.id(), h3, h3.plusSeconds(3600));
    assertEquals(4, flushed.size());
    for (MeteringLedger.Line line : flushed) {
      assertTrue(line.finalFlush(), line.toString());
      assertEquals(MeteringState.SENT, line.state());
      assertEquals(line.dimension().equals("DataPoints") ? 4 : 0, line.sentQuantity());
    }

    // Every (dimension, hour) reached the sandbox with one quantity only, from h0 to h3.
    received = SandboxCalls.received(license);
    assertEquals(16, received.size(), received.toString());
    for (Map.Entry<String, List<Integer>> entry : received.entrySet()) {
      assertEquals(1, entry.getValue().stream().distinct().count(), entry.toString());
    }
    assertEquals(List.of(40), received.get("Traces@" + h1).stream().distinct().toList());
  }

  /**
   * Issue "nothing lost": usage reported after its hour was metered is taken, billed in its own
   * hour and sent with the next hour metered (AWS keeps the first quantity of an hour); the ledger
   * says where it came from, and each hour reaches AWS once.
   */
  @Test
  void lateUsageIsSentWithTheNextHourAndTheLedgerSaysWhichHourItIsOf() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Bound bound = boundBuyer("late-", "aws");
    Workspace us = settledBy(bound, "Late US");
    usage.receive("us1", List.of(used(us.id(), "data-points", h0, 7)), Map.of());
    clock.set(h0.plus(Duration.ofMinutes(76)));
    runUntilNothingPending();

    // h0 closed at h1+15min and is metered; its site reports more of it at h1+20min.
    clock.set(h1.plus(Duration.ofMinutes(20)));
    UsageIntake.Receipt receipt =
        usage.receive(
            "us1",
            List.of(used(us.id(), "data-points", h0, 5), used(us.id(), "data-points", h1, 2)),
            Map.of());
    assertEquals(2, receipt.accepted(), "a batch with late usage is stored whole");
    clock.set(h1.plus(Duration.ofMinutes(76)));
    runUntilNothingPending();

    MeteringLedger.Line first = dataPoints(bound, h0);
    MeteringLedger.Line next = dataPoints(bound, h1);
    assertEquals(7, first.sentQuantity(), first.toString());
    assertTrue(first.agree(), "h0's record holds what was reported in time: " + first);
    assertEquals(7, next.sentQuantity(), "h1's 2 and h0's late 5: " + next);
    assertEquals(5, next.lateQuantity(), next.toString());
    assertEquals(h0, next.lateFrom());
    assertEquals(h0, next.lateUntil());
    assertTrue(next.agree(), next.toString());
    Map<String, List<Integer>> received = SandboxCalls.received(bound.license());
    assertEquals(List.of(7), received.get("DataPoints@" + h0));
    assertEquals(List.of(7), received.get("DataPoints@" + h1));

    // The bill counts it in its own hour.
    long billedInH0 =
        bills.usage(bound.owner(), us.id(), h0, h1).stream()
            .filter(u -> u.billingItem().equals("data-points"))
            .mapToLong(Bills.HourlyUsage::quantity)
            .sum();
    assertEquals(12, billedInH0);
  }

  /**
   * Issue "nothing lost", no free usage after a lock: a workspace locked by its account's cancelled
   * agreement keeps reporting usage, which the bill shows unsettled; the method that unlocks it
   * pays for it. Usage of an hour the new account has metered already is carried to its next hour
   * (ledger), and the owner's audit log says what was charged.
   */
  @Test
  void usageOfALockedWorkspaceIsChargedToTheAccountThatUnlocksIt() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    Instant h2 = h1.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Bound first = boundBuyer("unlock-", "aws");
    Bound second = boundBuyer(first.owner(), "aws");
    Workspace us = settledBy(first, "Locked US");
    clock.set(h0.plus(Duration.ofMinutes(10)));
    lifecycle.receive(
        new SubscriptionEvent(
            "eventbridge",
            UUID.randomUUID().toString(),
            "aws",
            AwsLicenses.key(first.license(), null),
            null,
            null,
            SubscriptionChange.ENDED,
            clock.instant()));
    assertEquals(
        WorkspaceStatus.LOCKED, workspaces.require(first.owner(), us.id()).status(), "locked");

    clock.set(h1.plus(Duration.ofMinutes(5)));
    usage.receive("us1", List.of(used(us.id(), "data-points", h1, 4)), Map.of());
    YearMonth month = YearMonth.from(h1.atZone(ZoneOffset.UTC));
    List<BillLine> lines = linesOf(first.owner(), month, us);
    assertEquals(1, lines.size(), lines.toString());
    assertEquals(SettlementPeriod.Kind.UNSETTLED, lines.get(0).kind());
    assertEquals("none", lines.get(0).group());
    assertEquals(4, lines.get(0).quantity());

    // The second account meters h0 and h1 (nothing of its own), then unlocks the workspace.
    clock.set(h2.plus(Duration.ofMinutes(20)));
    runUntilNothingPending();
    assertEquals(0, dataPoints(second, h1).sentQuantity());
    workspaces.changeSettlement(first.owner(), us.id(), "aws", second.account().id());
    usage.receive("us1", List.of(used(us.id(), "data-points", h2, 3)), Map.of());
    clock.set(h2.plus(Duration.ofMinutes(76)));
    runUntilNothingPending();

    MeteringLedger.Line next = dataPoints(second, h2);
    assertEquals(7, next.sentQuantity(), "h2's 3 and the 4 used while locked: " + next);
    assertEquals(4, next.lateQuantity(), next.toString());
    assertEquals(h1, next.lateFrom());
    assertTrue(next.agree(), next.toString());
    assertEquals(List.of(7), SandboxCalls.received(second.license()).get("DataPoints@" + h2));

    lines = linesOf(first.owner(), month, us);
    assertEquals(1, lines.size(), "nothing is left unsettled: " + lines);
    assertEquals(SettlementPeriod.Kind.WHILE_LOCKED, lines.get(0).kind());
    assertEquals("aws:" + second.account().id(), lines.get(0).group());
    assertEquals(7, lines.get(0).quantity());
    var charged =
        em.createNamedQuery(AuditEntry.BY_ACCOUNT, AuditEntry.class)
            .setParameter("accountId", first.owner().id())
            .getResultStream()
            .filter(e -> e.action().equals("usage.chargedOnUnlock"))
            .toList();
    assertEquals(1, charged.size());
    assertTrue(charged.get(0).before().contains("data-points 4"), charged.get(0).before());
  }

  private List<BillLine> linesOf(BillingAccount owner, YearMonth month, Workspace workspace) {
    return bills.month(owner, month).lines().stream()
        .filter(l -> l.workspaceId() == workspace.id() && l.billingItem().equals("data-points"))
        .toList();
  }

  /**
   * Issue "nothing lost": an operator requeues refused records of an hour; they go back to pending
   * with their attempts cleared, the next run sends them, and the account's owner finds the requeue
   * in their audit log.
   */
  @Test
  void anOperatorRequeuesRefusedRecordsAndTheOwnerSeesItAudited() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Bound bound = boundBuyer("requeue-", "aws");
    long accountId = bound.account().id();
    Workspace us = settledBy(bound, "Requeued");
    usage.receive("us1", List.of(used(us.id(), "data-points", h0, 3)), Map.of());
    clock.set(h0.plus(Duration.ofMinutes(76)));
    assertEquals(
        4, store.writeHour(h0, List.of(accountId), Set.of(), items.all(), clock.instant(), DAY));
    transaction.begin();
    em.createNativeQuery(
            "UPDATE metering_record SET state = 'REFUSED', attempts = 3,"
                + " last_error = 'InvalidUsageDimensionException' WHERE cloud_account_id = ?")
        .setParameter(1, accountId)
        .executeUpdate();
    transaction.commit();

    Instant h1 = h0.plus(Duration.ofHours(1));
    MeteringRequeue.Requeued requeued =
        requeue.requeue(
            Set.of(MeteringState.REFUSED), accountId, h0, h1, "dimension added to the listing");
    assertEquals(new MeteringRequeue.Requeued(4, 1), requeued);
    for (MeteringLedger.Line line : ledger.ledger(bound.owner(), accountId, h0, h1)) {
      assertEquals(MeteringState.PENDING, line.state(), line.toString());
      assertEquals(0, line.attempts());
    }
    runUntilNothingPending();
    assertEquals(MeteringState.SENT, dataPoints(bound, h0).state());
    assertEquals(3, dataPoints(bound, h0).sentQuantity());

    AuditEntry entry =
        em.createNamedQuery(AuditEntry.BY_ACCOUNT, AuditEntry.class)
            .setParameter("accountId", bound.owner().id())
            .getResultStream()
            .filter(e -> e.action().equals("metering.requeued"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no audit entry of the requeue"));
    assertEquals(MeteringRequeue.ACTOR, entry.actor());
    assertTrue(entry.after().contains("dimension added to the listing"), entry.after());
    assertTrue(entry.before().contains("refused"), entry.before());
  }

  private static final Duration DAY = Duration.ofHours(24);

  @Resource ManagedExecutorService executor;

  /**
   * Issue "nothing lost", an hour closes once: a batch taken on time whose transaction is still
   * open when the hour closes holds the metering read of that hour back until it commits, so that
   * its usage is in the hour's records (before, the read went ahead, and the batch, on time and so
   * never carried, reached the bill but no record).
   */
  @Test
  void theMeteringReadOfAnHourWaitsForABatchOfThatHourStillBeingStored() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Bound bound = boundBuyer("close-", "aws");
    long accountId = bound.account().id();
    Workspace us = settledBy(bound, "Closing");

    clock.set(h0.plus(Duration.ofMinutes(74))); // a minute before h0 closes
    transaction.begin();
    java.util.concurrent.Future<Integer> read;
    try {
      usage.receive("us1", List.of(used(us.id(), "data-points", h0, 8)), Map.of());
      clock.set(h0.plus(Duration.ofMinutes(76)));
      read =
          executor.submit(
              () ->
                  store.writeHour(
                      h0, List.of(accountId), Set.of(), items.all(), clock.instant(), DAY));
      Thread.sleep(1500);
      assertFalse(read.isDone(), "the read of h0 waits for the batch's transaction");
    } finally {
      transaction.commit();
    }
    assertEquals(4, read.get(30, java.util.concurrent.TimeUnit.SECONDS));
    assertEquals(8, dataPoints(bound, h0).sentQuantity(), "the batch is in h0's record");
  }

  /**
   * Issue "nothing lost": records that wait over an hour turn /health's metering check DEGRADED
   * (still UP, so /health answers 200), and sending them clears it.
   */
  @Test
  void recordsWaitingOverAnHourTurnTheHealthCheckDegraded() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Bound bound = boundBuyer("waiting-", "aws");
    long accountId = bound.account().id();
    settledBy(bound, "Waiting");
    clock.set(h0.plus(Duration.ofMinutes(76)));
    store.writeHour(h0, List.of(accountId), Set.of(), items.all(), clock.instant(), DAY);

    clock.set(h0.plus(Duration.ofMinutes(76 + 61)));
    HealthCheckResponse degraded = health.call();
    assertEquals(HealthCheckResponse.Status.UP, degraded.getStatus());
    Map<String, Object> data = degraded.getData().orElseThrow();
    assertEquals("DEGRADED", data.get("state"), data.toString());
    long waiting = ((Number) data.get("waitingRecords")).longValue();
    assertTrue(waiting >= 4, data.toString());

    runUntilNothingPending();
    clock.set(h0.plus(Duration.ofMinutes(76 + 62))); // past the reading's 10 seconds of reuse
    long after = ((Number) health.call().getData().orElseThrow().get("waitingRecords")).longValue();
    assertEquals(waiting - 4, after, "the account's four records were sent");
  }

  private MeteringLedger.Line dataPoints(Bound bound, Instant hour) {
    return ledger
        .ledger(bound.owner(), bound.account().id(), hour, hour.plus(Duration.ofHours(1)))
        .stream()
        .filter(l -> l.dimension().equals("DataPoints"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no DataPoints record of " + hour));
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
    assertEquals(List.of(6), SandboxCalls.received(license).get("DataPoints@" + h0));
  }
}
