package com.billingcenter.system.bill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.bill.boundary.Reconciliations;
import com.billingcenter.bill.control.BillCalendar;
import com.billingcenter.bill.control.BillLine;
import com.billingcenter.bill.control.Reconciliation;
import com.billingcenter.bill.control.ReconciliationCsv;
import com.billingcenter.bill.control.ReconciliationStatements;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.marketplace.boundary.AgreementTermsReader;
import com.billingcenter.metering.boundary.Metering;
import com.billingcenter.metering.boundary.MeteringLedger;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.system.support.AwsBuyers;
import com.billingcenter.system.support.AwsBuyers.Buyer;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reconciliation statement per AWS account and month (issue "Every AWS offer settles right",
 * item 7): every metering record with AWS's MeteringRecordId and status, its allocation to
 * workspaces and sites as sent in UsageAllocations, the agreement in force whose rate priced it,
 * the included and metered units, and the total; issued once when the month's bills are final and
 * kept as issued. The sandbox stands in for AWS (its Agreement API and BatchMeterUsage).
 */
class ReconciliationArquillianIT extends ContainerTest {

  @Inject AwsBuyers buyers;
  @Inject AgreementTermsReader reader;
  @Inject UsageIntake usage;
  @Inject Metering metering;
  @Inject MeteringLedger ledger;
  @Inject Reconciliations reconciliations;
  @Inject ReconciliationStatements statements;
  @Inject BillCalendar calendar;
  @Inject Workspaces workspaces;
  @Inject Bills bills;
  @Inject CloudAccounts cloudAccounts;
  @Inject UserTransaction transaction;
  @PersistenceContext EntityManager em;

  /** The statement's lines of these hours (the months they fall in). */
  private List<Reconciliation.Line> lines(Buyer buyer, Instant... hours) {
    List<Reconciliation.Line> lines = new ArrayList<>();
    for (YearMonth month :
        java.util.Arrays.stream(hours)
            .map(h -> YearMonth.from(h.atZone(ZoneOffset.UTC)))
            .distinct()
            .toList()) {
      lines.addAll(reconciliations.statement(buyer.owner(), buyer.cloudAccountId(), month).lines());
    }
    return lines;
  }

  private static Reconciliation.Line at(List<Reconciliation.Line> lines, Instant hour) {
    return lines.stream()
        .filter(l -> l.hour().equals(hour) && l.dimension().equals("DataPoints"))
        .findFirst()
        .orElseThrow(() -> new AssertionError(hour + " in " + lines));
  }

  @Test
  void aContractWithConsumptionShowsIncludedAndMeteredUnitsPricedInEuros() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Buyer buyer =
        buyers.settled(
            "recon-",
            "{\"pricing\": \"contractWithConsumption\", \"currency\": \"EUR\","
                + " \"rates\": {\"DataPoints\": \"0.0015\"}, \"purchased\": {\"DataPoints\": 100}}");
    reader.readDue();
    Workspace second = workspaces.create(buyer.owner(), "Second", "eu1", "en", Plan.COMMERCIAL);
    cloudAccounts.bind(buyer.owner(), buyer.cloudAccountId(), List.of(second.id()));
    long first = buyer.workspace().id();
    buyers.used("us1", first, "data-points", h0, 60);
    buyers.used("us1", first, "data-points", h1, 50);
    buyers.used("eu1", second.id(), "data-points", h1, 20);
    buyers.meteredThrough(h1);

    List<Reconciliation.Line> lines = lines(buyer, h0, h1);
    Reconciliation.Line included = at(lines, h0);
    assertEquals(60, included.included(), included.toString());
    assertEquals(0, included.metered());
    assertEquals(0, new BigDecimal("0.00").compareTo(included.amount()), included.toString());

    Reconciliation.Line overage = at(lines, h1);
    assertEquals(40, overage.included(), "the rest of the 100 bought: " + overage);
    assertEquals(30, overage.metered(), overage.toString());
    assertEquals(70, overage.quantity());
    assertEquals("sent", overage.state().toLowerCase(java.util.Locale.ROOT));
    assertEquals("Success", overage.awsStatus());
    MeteringLedger.Line sent =
        ledger
            .ledger(buyer.owner(), buyer.cloudAccountId(), h1, h1.plus(Duration.ofHours(1)))
            .stream()
            .filter(l -> l.dimension().equals("DataPoints"))
            .findFirst()
            .orElseThrow();
    assertNotNull(sent.meteringRecordId());
    assertEquals(sent.meteringRecordId(), overage.meteringRecordId(), "AWS's record id");
    assertEquals(buyer.agreement(), overage.agreementId());
    assertEquals(Currency.getInstance("EUR"), overage.currency());
    assertEquals(new BigDecimal("0.0015"), overage.unitPrice());
    assertEquals(new BigDecimal("0.05"), overage.amount(), "30 × 0.0015 EUR, rounded");
    assertEquals(
        30,
        overage.allocations().stream().mapToLong(Reconciliation.Allocation::quantity).sum(),
        "the allocations sum to the metered units: " + overage.allocations());
    assertTrue(
        overage.allocations().stream()
            .anyMatch(
                a ->
                    Long.valueOf(second.id()).equals(a.workspaceId())
                        && "eu1".equals(a.siteCode())),
        "the second workspace's part: " + overage.allocations());

    Reconciliation month =
        reconciliations.statement(
            buyer.owner(), buyer.cloudAccountId(), YearMonth.from(h1.atZone(ZoneOffset.UTC)));
    Reconciliation.Total total =
        month.totals().stream().filter(t -> t.dimension().equals("DataPoints")).findFirst().get();
    assertEquals(30, total.metered(), month.totals().toString());
    assertEquals(Map.of(Currency.getInstance("EUR"), new BigDecimal("0.05")), month.amounts());
    assertTrue(!month.isFinal());
  }

  @Test
  void withoutAPrivateRateTheListPriceInDollarsPricesIt() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Buyer buyer = buyers.settled("recon-list-", null);
    reader.readDue();
    buyers.used("us1", buyer.workspace().id(), "data-points", h0, 8);
    buyers.meteredThrough(h0);

    Reconciliation.Line line = at(lines(buyer, h0), h0);
    assertNull(line.agreementId(), "the public offer's list price: " + line);
    assertEquals(Currency.getInstance("USD"), line.currency());
    assertEquals(new BigDecimal("2.00"), line.amount(), "8 × 0.25 USD");
    assertEquals(
        List.of(new Reconciliation.Allocation(buyer.workspace().id(), "us1", 8)),
        line.allocations());
  }

  @Test
  void aFreeTrialsGrantsAreFreeOnTheStatementAndTheBill() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    // API reference, FreeTrialPricingTerm: "buyers aren't charged anything within a specified
    // limit"; every unit is metered (docs/aws.md), and AWS charges the rate beyond the grant.
    Buyer buyer =
        buyers.settled(
            "recon-trial-",
            "{\"pricing\": \"freeTrial\", \"rates\": {\"DataPoints\": \"0.01\"},"
                + " \"grants\": {\"DataPoints\": 50}, \"trialDays\": 30}");
    reader.readDue();
    long workspace = buyer.workspace().id();
    buyers.used("us1", workspace, "data-points", h0, 30);
    buyers.used("us1", workspace, "data-points", h1, 40);
    buyers.meteredThrough(h1);

    List<Reconciliation.Line> lines = lines(buyer, h0, h1);
    Reconciliation.Line first = at(lines, h0);
    assertEquals(30, first.metered(), "a trial's units are all metered: " + first);
    assertEquals(30, first.free(), first.toString());
    assertEquals(new BigDecimal("0.00"), first.amount());
    Reconciliation.Line second = at(lines, h1);
    assertEquals(40, second.metered(), second.toString());
    assertEquals(20, second.free(), "the rest of the 50 granted: " + second);
    assertEquals(new BigDecimal("0.20"), second.amount(), "20 beyond the grant at 0.01");

    YearMonth month = YearMonth.from(h1.atZone(ZoneOffset.UTC));
    if (YearMonth.from(h0.atZone(ZoneOffset.UTC)).equals(month)) {
      List<BillLine> bill =
          bills.month(buyer.owner(), month).lines().stream()
              .filter(l -> l.workspaceId() == workspace)
              .toList();
      BillLine free = bill.stream().filter(BillLine::included).findFirst().orElseThrow();
      assertEquals(50, free.quantity(), bill.toString());
      assertEquals(new BigDecimal("0.00"), free.amount());
      BillLine charged = bill.stream().filter(l -> !l.included()).findFirst().orElseThrow();
      assertEquals(20, charged.quantity(), bill.toString());
      assertEquals(new BigDecimal("0.20"), charged.amount(), "the bill says what AWS charges");
    }
  }

  @Test
  void aFinalMonthsStatementIsKeptAsIssued() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Buyer buyer = buyers.settled("recon-final-", null);
    reader.readDue();
    buyers.used("us1", buyer.workspace().id(), "data-points", h0, 4);
    buyers.meteredThrough(h0);
    YearMonth month = YearMonth.from(h0.atZone(ZoneOffset.UTC));
    String inProgress = reconciliations.csv(buyer.owner(), buyer.cloudAccountId(), month);

    clock.set(calendar.closesAt(month).plus(Duration.ofMinutes(1)));
    String issued = reconciliations.csv(buyer.owner(), buyer.cloudAccountId(), month);
    assertEquals(inProgress, issued, "issued as it stood");
    transaction.begin();
    em.createNativeQuery(
            "UPDATE metering_record SET aws_status = 'Changed' WHERE cloud_account_id = ?")
        .setParameter(1, buyer.cloudAccountId())
        .executeUpdate();
    transaction.commit();
    assertEquals(
        issued,
        reconciliations.csv(buyer.owner(), buyer.cloudAccountId(), month),
        "the same bytes at every download");
    Reconciliation statement =
        reconciliations.statement(buyer.owner(), buyer.cloudAccountId(), month);
    assertTrue(statement.isFinal());
    assertEquals(ReconciliationCsv.read(issued), statement.lines());
    assertEquals("Success", at(statement.lines(), h0).awsStatus());
    assertEquals(
        "Changed",
        at(statements.current(buyer.cloudAccountId(), month).lines(), h0).awsStatus(),
        "what the records say now differs from the statement as issued");
  }

  @Test
  void anothersAccountAndMonthsOutsideItsLifeAreRefused() throws Exception {
    Buyer buyer = buyers.settled("recon-refused-", null);
    Buyer other = buyers.settled("recon-other-", null);
    YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    RuleViolation anothers =
        assertThrows(
            RuleViolation.class,
            () -> reconciliations.statement(buyer.owner(), other.cloudAccountId(), now));
    assertEquals("cloudAccount.notFound", anothers.code());
    for (YearMonth outside : List.of(now.plusMonths(1), now.minusYears(30))) {
      RuleViolation refused =
          assertThrows(
              RuleViolation.class,
              () -> reconciliations.statement(buyer.owner(), buyer.cloudAccountId(), outside));
      assertEquals("parameter.invalid", refused.code(), outside.toString());
    }
  }
}
