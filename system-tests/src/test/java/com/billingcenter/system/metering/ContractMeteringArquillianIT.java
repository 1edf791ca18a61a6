package com.billingcenter.system.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.boundary.AgreementTermsReader;
import com.billingcenter.marketplace.boundary.Agreements;
import com.billingcenter.metering.boundary.ContractOverages;
import com.billingcenter.metering.boundary.Metering;
import com.billingcenter.metering.boundary.MeteringLedger;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.notice.entity.Notice;
import com.billingcenter.system.support.AwsBuyers;
import com.billingcenter.system.support.AwsBuyers.Buyer;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SandboxCalls;
import com.billingcenter.usage.boundary.UsageIntake;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metering by the agreement's pricing model, read from its accepted terms (Seller Guide, "SaaS
 * contracts"): for a contract with consumption "you only meter for usage beyond a customer's
 * contract entitlements", so the units bought are included and only the excess reaches AWS, once,
 * across hours; for a contract paid upfront "your application never sends metering records". The
 * sandbox stands in for AWS (its Agreement API and its metering log).
 */
class ContractMeteringArquillianIT extends ContainerTest {

  @Inject AwsBuyers buyers;
  @Inject AgreementTermsReader reader;
  @Inject Agreements agreements;
  @Inject UsageIntake usage;
  @Inject Metering metering;
  @Inject MeteringLedger ledger;
  @Inject ContractOverages overages;
  @PersistenceContext EntityManager em;

  private Buyer contracted(String prefix, String offer) throws Exception {
    Buyer buyer = buyers.settled(prefix, offer);
    reader.readDue();
    CloudAccount account = em.find(CloudAccount.class, buyer.cloudAccountId());
    var agreement = agreements.of(account).orElseThrow();
    assertTrue(agreement.terms().isPresent(), agreement.toString());
    return buyer;
  }

  private MeteringLedger.Line dataPoints(Buyer buyer, Instant hour) {
    return ledger
        .ledger(buyer.owner(), buyer.cloudAccountId(), hour, hour.plus(Duration.ofHours(1)))
        .stream()
        .filter(l -> l.dimension().equals("DataPoints"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aContractWithConsumptionMetersOnlyTheUnitsBeyondThoseItBought() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Buyer buyer =
        contracted(
            "ccp-",
            "{\"pricing\": \"contractWithConsumption\", \"rates\": {\"DataPoints\": \"0.001\"},"
                + " \"purchased\": {\"DataPoints\": 100}}");
    long workspace = buyer.workspace().id();
    buyers.used("us1", workspace, "data-points", h0, 60);
    buyers.used("us1", workspace, "data-points", h1, 70);
    buyers.meteredThrough(h1);

    MeteringLedger.Line first = dataPoints(buyer, h0);
    assertEquals(60, first.includedQuantity(), first.toString());
    assertEquals(0, first.sentQuantity(), first.toString());
    assertTrue(first.agree(), first.toString());
    MeteringLedger.Line second = dataPoints(buyer, h1);
    assertEquals(40, second.includedQuantity(), "the 100 bought, used up: " + second);
    assertEquals(30, second.sentQuantity(), second.toString());
    assertEquals(MeteringState.SENT, second.state());
    Map<String, List<Integer>> received = SandboxCalls.received(buyer.license());
    assertEquals(List.of(0), received.get("DataPoints@" + h0), received.toString());
    assertEquals(List.of(30), received.get("DataPoints@" + h1), "only the excess reached AWS");
    assertEquals(
        List.of("30 " + workspace + " us1"),
        SandboxCalls.allocations(buyer.license(), "DataPoints", h1),
        "the included units are taken from the workspace's part");
    var agreement =
        agreements.of(em.find(CloudAccount.class, buyer.cloudAccountId())).orElseThrow();
    assertEquals(Map.of("DataPoints", 100L), agreement.usedSoFar(), "all 100 bought are used");
    assertEquals(Map.of(), agreement.beyond(), "the rest was metered, nothing is beyond");
  }

  @Test
  void anAmendmentThatBuysMoreUnitsCountsFromItsHour() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Buyer buyer =
        contracted(
            "amend-",
            "{\"pricing\": \"contractWithConsumption\", \"rates\": {\"DataPoints\": \"0.001\"},"
                + " \"purchased\": {\"DataPoints\": 100}}");
    long workspace = buyer.workspace().id();
    buyers.used("us1", workspace, "data-points", h0, 100);
    buyers.meteredThrough(h0);
    assertEquals(100, dataPoints(buyer, h0).includedQuantity());

    // Seller Guide, "Amazon EventBridge events": an amendment (more units) is "Purchase Agreement
    // Amended" with intent AMEND and the same agreement id; its terms are read again.
    SandboxCalls.call(
        "POST",
        "/api/buyers/" + buyer.awsAccountId() + "/amendment",
        "{\"sendEvents\": false, \"offer\": {\"pricing\": \"contractWithConsumption\","
            + " \"rates\": {\"DataPoints\": \"0.001\"}, \"purchased\": {\"DataPoints\": 150}}}");
    buyers.deliver(
        AwsBuyers.agreementEvent(
            "Amended", buyer, buyer.agreement(), "\"intent\": \"AMEND\"", clock.instant()));
    reader.readDue();
    buyers.used("us1", workspace, "data-points", h1, 80);
    buyers.meteredThrough(h1);

    MeteringLedger.Line before = dataPoints(buyer, h0);
    assertEquals(100, before.includedQuantity(), "the hour before the amendment stands");
    MeteringLedger.Line after = dataPoints(buyer, h1);
    assertEquals(50, after.includedQuantity(), "the 50 units more the amendment bought: " + after);
    assertEquals(30, after.sentQuantity(), after.toString());
  }

  @Test
  void aContractPaidUpfrontSendsNothing() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Buyer buyer =
        contracted("contract-", "{\"pricing\": \"contract\", \"purchased\": {\"DataPoints\": 50}}");
    buyers.used("us1", buyer.workspace().id(), "data-points", h0, 80);
    buyers.meteredThrough(h0);

    MeteringLedger.Line line = dataPoints(buyer, h0);
    assertEquals(MeteringState.NOT_METERED, line.state(), line.toString());
    assertEquals(50, line.includedQuantity(), line.toString());
    assertEquals(30, line.sentQuantity(), "beyond the units bought, kept: " + line);
    assertEquals(Map.of(), SandboxCalls.received(buyer.license()), "nothing reached AWS");
    var agreement =
        agreements.of(em.find(CloudAccount.class, buyer.cloudAccountId())).orElseThrow();
    assertEquals(Map.of("DataPoints", 50L), agreement.usedSoFar(), "shown against the 50 bought");
    assertEquals(Map.of("DataPoints", 30L), agreement.beyond(), agreement.toString());

    // The 30 units beyond the purchase are told of, once: to the owner and the operators.
    List<ContractOverages.Overage> flagged = overages.flagNew();
    assertTrue(
        flagged.stream()
            .anyMatch(
                o ->
                    o.cloudAccountId() == buyer.cloudAccountId()
                        && o.dimension().equals("DataPoints")
                        && o.firstHour().equals(h0)
                        && o.units() == 30),
        flagged.toString());
    List<Notice> told =
        em.createQuery("select n from Notice n where n.ownerId = :owner", Notice.class)
            .setParameter("owner", buyer.owner().id())
            .getResultList();
    assertEquals(1, told.size(), "one notice");
    assertTrue(told.get(0).body().contains("DataPoints"), told.get(0).body());
    assertTrue(
        overages.flagNew().stream().noneMatch(o -> o.cloudAccountId() == buyer.cloudAccountId()),
        "told once");
  }

  @Test
  void aFutureDatedAgreementIsMeteredFromItsStartOnly() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    // Seller Guide, future-dated offers: the agreement "provisions its licence at its start date".
    Buyer buyer =
        contracted(
            "future-",
            "{\"pricing\": \"subscription\", \"rates\": {\"DataPoints\": \"0.002\"},"
                + " \"startsAt\": \""
                + h1
                + "\"}");
    long workspace = buyer.workspace().id();
    buyers.used("us1", workspace, "data-points", h0, 25);
    buyers.used("us1", workspace, "data-points", h1, 35);
    buyers.meteredThrough(h1);

    MeteringLedger.Line before = dataPoints(buyer, h0);
    assertEquals(MeteringState.BEFORE_START, before.state(), "before its start: " + before);
    assertEquals(25, before.sentQuantity(), "kept, not sent: " + before);
    MeteringLedger.Line from = dataPoints(buyer, h1);
    assertEquals(MeteringState.SENT, from.state(), from.toString());
    Map<String, List<Integer>> received = SandboxCalls.received(buyer.license());
    assertEquals(null, received.get("DataPoints@" + h0), received.toString());
    assertEquals(List.of(35), received.get("DataPoints@" + h1), received.toString());
  }

  /**
   * A future-dated contract paid upfront that starts within an hour: that hour and those before it
   * are before its start, not beyond the units it bought (nor told of as such); its first whole
   * hour includes what it bought and only the rest is beyond it. AWS: the agreement "provisions its
   * licence at its start date" (Seller Guide, future-dated offers); "AcceptanceTime and StartTime
   * can differ for future dated agreements" (API reference, DescribeAgreement).
   */
  @Test
  void aFutureDatedContractCountsNothingBeforeItsStartAsBeyondIt() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(5));
    Instant h1 = h0.plus(Duration.ofHours(1));
    Instant h2 = h1.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Buyer buyer =
        contracted(
            "future-contract-",
            "{\"pricing\": \"contract\", \"purchased\": {\"DataPoints\": 10},"
                + " \"startsAt\": \""
                + h1.plus(Duration.ofMinutes(30))
                + "\"}");
    long workspace = buyer.workspace().id();
    buyers.used("us1", workspace, "data-points", h0, 25);
    buyers.used("us1", workspace, "data-points", h1, 35);
    buyers.used("us1", workspace, "data-points", h2, 40);
    buyers.meteredThrough(h2);

    assertEquals(MeteringState.BEFORE_START, dataPoints(buyer, h0).state());
    MeteringLedger.Line starting = dataPoints(buyer, h1);
    assertEquals(MeteringState.BEFORE_START, starting.state(), "it starts within: " + starting);
    MeteringLedger.Line first = dataPoints(buyer, h2);
    assertEquals(MeteringState.NOT_METERED, first.state(), first.toString());
    assertEquals(10, first.includedQuantity(), first.toString());
    var agreement =
        agreements.of(em.find(CloudAccount.class, buyer.cloudAccountId())).orElseThrow();
    assertEquals(Map.of("DataPoints", 30L), agreement.beyond(), agreement.toString());
    List<ContractOverages.Overage> flagged =
        overages.flagNew().stream()
            .filter(o -> o.cloudAccountId() == buyer.cloudAccountId())
            .toList();
    assertEquals(1, flagged.size(), flagged.toString());
    assertEquals(h2, flagged.get(0).firstHour(), "beyond it from its first hour only");
    assertEquals(30, flagged.get(0).units(), flagged.toString());
    assertEquals(Map.of(), SandboxCalls.received(buyer.license()), "nothing reached AWS");
  }
}
