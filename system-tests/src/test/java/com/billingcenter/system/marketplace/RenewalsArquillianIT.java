package com.billingcenter.system.marketplace;

import static com.billingcenter.system.support.AwsBuyers.agreementEvent;
import static com.billingcenter.system.support.AwsBuyers.licenseEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.CloudAccountStatus;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle.Outcome;
import com.billingcenter.metering.boundary.Metering;
import com.billingcenter.system.support.AwsBuyers;
import com.billingcenter.system.support.AwsBuyers.Buyer;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SandboxCalls;
import com.billingcenter.system.support.SettledCustomers;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renewals and replacements never lock a paying customer (issue "Every AWS offer settles right",
 * item 4), inside Payara Micro with a clock the test moves and the sandbox as AWS. AWS documents
 * the events (Seller Guide, "Amazon EventBridge events": Purchase Agreement Ended status RENEWED or
 * REPLACED, Purchase Agreement Created intent RENEW with previousAgreementId or intent REPLACE,
 * License Updated and License Deprovisioned - Manufacturer; "Work with renewals") but neither their
 * order nor whether the license ARN stays: each test sends them, read by the endpoint's own reader,
 * in an order that would lock or lose the customer if the Billing Center trusted one.
 */
class RenewalsArquillianIT extends ContainerTest {

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject UsageIntake usage;
  @Inject Metering metering;
  @Inject SubscriptionLifecycle lifecycle;
  @Inject AwsBuyers buyers;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  private Buyer settledBuyer(String prefix) throws Exception {
    return buyers.settled(prefix, null);
  }

  private SubscriptionLifecycle.Receipt deliver(String event) {
    return buyers.deliver(event);
  }

  private CloudAccount account(Buyer buyer) {
    return em.find(CloudAccount.class, buyer.cloudAccountId());
  }

  private WorkspaceStatus status(Buyer buyer) {
    return workspaces.require(buyer.owner(), buyer.workspace().id()).status();
  }

  private void runUntilNothingPending() {
    for (int i = 0; i < 10 && metering.run().recordsPending() > 0; i++) {
      // the next run sends what this one left
    }
  }

  @Test
  void aRenewalWithANewLicenseInTheWorstOrderLocksNothingAndMeteringMovesToTheNewLicense()
      throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    Buyer buyer = settledBuyer("renew-");
    usage.receive(
        "us1",
        List.of(SettledCustomers.used(buyer.workspace().id(), "data-points", h0, 7)),
        Map.of());

    // AWS renews the agreement with a new license; the old license's deprovisioning comes first,
    // the agreement that ended RENEWED last.
    Instant renewedAt = h0.plus(Duration.ofMinutes(40));
    clock.set(renewedAt);
    JsonObject renewed =
        SandboxCalls.object(
            "POST",
            "/api/buyers/" + buyer.awsAccountId() + "/renewal?newLicense=true&sendEvents=false",
            null);
    String license = renewed.getString("licenseArn");
    String agreement = renewed.getString("agreementId");
    assertNotEquals(buyer.license(), license);

    SubscriptionLifecycle.Receipt deprovisioned =
        deliver(
            licenseEvent(
                "License Deprovisioned",
                buyer,
                buyer.agreement(),
                buyer.license(),
                renewedAt.plusSeconds(30)));
    assertEquals(Outcome.CHANGED, deprovisioned.outcome(), "ending, waiting for a successor");
    assertEquals(0, deprovisioned.lockedWorkspaces());
    assertEquals(CloudAccountStatus.ENDING, account(buyer).status());
    assertEquals(
        Outcome.CHANGED,
        deliver(
                licenseEvent(
                    "License Updated", buyer, agreement, license, renewedAt.plusSeconds(2)))
            .outcome(),
        "the new license carries the account on");
    // Both older than the deprovisioning: kept in the history, changing nothing more.
    assertEquals(
        Outcome.OUTDATED,
        deliver(
                agreementEvent(
                    "Created",
                    buyer,
                    agreement,
                    "\"intent\": \"RENEW\", \"status\": \"ACTIVE\", \"previousAgreementId\": \""
                        + buyer.agreement()
                        + "\"",
                    renewedAt.plusSeconds(1)))
            .outcome());
    assertEquals(
        Outcome.OUTDATED,
        deliver(
                agreementEvent(
                    "Ended", buyer, buyer.agreement(), "\"status\": \"RENEWED\"", renewedAt))
            .outcome());

    CloudAccount account = account(buyer);
    assertEquals(CloudAccountStatus.ACTIVE, account.status());
    assertEquals(AwsLicenses.key(license, null), account.licenseId());
    assertEquals(license, account.license().reference());
    assertNull(account.endExpectedAt());
    assertEquals(WorkspaceStatus.ACTIVE, status(buyer), "never locked");
    clock.set(renewedAt.plus(Duration.ofHours(3)));
    lifecycle.endDue();
    assertEquals(CloudAccountStatus.ACTIVE, account(buyer).status(), "and not after the grace");

    // h0, in which the renewal happened, is the old license's final hour; h1 is the new one's.
    usage.receive(
        "us1",
        List.of(SettledCustomers.used(buyer.workspace().id(), "data-points", h1, 5)),
        Map.of());
    clock.set(h1.plus(Duration.ofMinutes(76)));
    runUntilNothingPending();
    Map<String, List<Integer>> old = SandboxCalls.received(buyer.license());
    Map<String, List<Integer>> successor = SandboxCalls.received(license);
    assertEquals(List.of(7), old.get("DataPoints@" + h0), old.toString());
    assertNull(old.get("DataPoints@" + h1), old.toString());
    assertEquals(List.of(5), successor.get("DataPoints@" + h1), successor.toString());
    assertNull(successor.get("DataPoints@" + h0), successor.toString());
  }

  /**
   * The other orders of a renewal: its new agreement first (it inherits the old agreement's
   * license), then its License Updated naming a new license (which replaces the inherited one and
   * carries the account on), or naming the same (nothing moves).
   */
  @Test
  void aRenewalsAgreementFirstThenItsLicenseKeepsOrMovesTheAccountsLicense() throws Exception {
    clock.set(Instant.now());
    for (boolean newLicense : new boolean[] {true, false}) {
      Buyer buyer = settledBuyer(newLicense ? "renew-new-" : "renew-kept-");
      Instant at = clock.instant().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
      JsonObject renewed =
          SandboxCalls.object(
              "POST",
              "/api/buyers/"
                  + buyer.awsAccountId()
                  + "/renewal?sendEvents=false&newLicense="
                  + newLicense,
              null);
      String license = renewed.getString("licenseArn");
      String agreement = renewed.getString("agreementId");
      assertEquals(newLicense, !license.equals(buyer.license()));
      assertEquals(
          Outcome.UNCHANGED,
          deliver(
                  agreementEvent(
                      "Created",
                      buyer,
                      agreement,
                      "\"intent\": \"RENEW\", \"previousAgreementId\": \""
                          + buyer.agreement()
                          + "\"",
                      at))
              .outcome(),
          "found through the agreement it renews");
      deliver(licenseEvent("License Updated", buyer, agreement, license, at.plusSeconds(1)));
      if (newLicense) {
        deliver(
            licenseEvent(
                "License Deprovisioned",
                buyer,
                buyer.agreement(),
                buyer.license(),
                at.plusSeconds(30)));
      }
      deliver(agreementEvent("Ended", buyer, buyer.agreement(), "\"status\": \"RENEWED\"", at));
      CloudAccount account = account(buyer);
      assertEquals(CloudAccountStatus.ACTIVE, account.status(), "new license: " + newLicense);
      assertEquals(AwsLicenses.key(license, null), account.licenseId());
      assertEquals(WorkspaceStatus.ACTIVE, status(buyer));
    }
  }

  @Test
  void aReplacementWithANewLicenseIsMatchedByItsBuyerAndProductInAnyOrder() throws Exception {
    clock.set(Instant.now());
    Buyer buyer = settledBuyer("replace-");
    Instant at = clock.instant().plusSeconds(5);
    JsonObject replaced =
        SandboxCalls.object(
            "POST",
            "/api/buyers/" + buyer.awsAccountId() + "/renewal?newLicense=true&sendEvents=false",
            null);
    String license = replaced.getString("licenseArn");
    String agreement = replaced.getString("agreementId");

    // Intent REPLACE names no agreement it replaces (AWS documents no link field): it waits.
    assertEquals(
        Outcome.WAITING,
        deliver(
                agreementEvent(
                    "Created",
                    buyer,
                    agreement,
                    "\"intent\": \"REPLACE\", \"status\": \"ACTIVE\"",
                    at.plusSeconds(1)))
            .outcome());
    assertEquals(
        Outcome.UNCHANGED,
        deliver(agreementEvent("Ended", buyer, buyer.agreement(), "\"status\": \"REPLACED\"", at))
            .outcome());
    // Its license, for the same AWS account and product, carries the account on.
    assertEquals(
        Outcome.UNCHANGED,
        deliver(licenseEvent("License Updated", buyer, agreement, license, at.plusSeconds(2)))
            .outcome());
    assertEquals(AwsLicenses.key(license, null), account(buyer).licenseId());
    assertEquals(
        Outcome.UNCHANGED,
        deliver(
                licenseEvent(
                    "License Deprovisioned",
                    buyer,
                    buyer.agreement(),
                    buyer.license(),
                    at.plusSeconds(30)))
            .outcome(),
        "the former license's end ends nothing");
    assertEquals(CloudAccountStatus.ACTIVE, account(buyer).status());
    assertEquals(WorkspaceStatus.ACTIVE, status(buyer));
    assertEquals(
        0L,
        em.createQuery(
                "select count(e) from MarketplaceEvent e where e.agreementId = :a"
                    + " and e.cloudAccountId is null",
                Long.class)
            .setParameter("a", agreement)
            .getSingleResult(),
        "the waiting Created found the account through its license");

    // A cancel of the new agreement locks, as any end does.
    assertEquals(
        1,
        deliver(
                agreementEvent(
                    "Ended", buyer, agreement, "\"status\": \"CANCELLED\"", at.plusSeconds(90)))
            .lockedWorkspaces());
    assertEquals(WorkspaceStatus.LOCKED, status(buyer));
  }

  @Test
  void aDeprovisioningAloneLocksOnlyWhenNoSuccessorCameWithinTheGrace() throws Exception {
    clock.set(Instant.now());
    Buyer buyer = settledBuyer("alone-");
    Instant at = clock.instant().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
    clock.set(at);
    assertEquals(
        0,
        deliver(
                licenseEvent(
                    "License Deprovisioned", buyer, buyer.agreement(), buyer.license(), at))
            .lockedWorkspaces());
    assertEquals(CloudAccountStatus.ENDING, account(buyer).status());
    assertEquals(at.plus(CloudAccount.SUCCESSOR_GRACE), account(buyer).endExpectedAt());
    assertEquals(WorkspaceStatus.ACTIVE, status(buyer), "settled, metered as in its final hour");

    clock.set(at.plus(CloudAccount.SUCCESSOR_GRACE).minusSeconds(1));
    lifecycle.endDue();
    assertEquals(WorkspaceStatus.ACTIVE, status(buyer), "the grace still runs");
    clock.set(at.plus(CloudAccount.SUCCESSOR_GRACE));
    lifecycle.endDue();
    assertEquals(CloudAccountStatus.ENDED, account(buyer).status());
    assertEquals(at, account(buyer).endedAt());
    assertEquals(WorkspaceStatus.LOCKED, status(buyer), "no successor: locked as on a cancel");
  }
}
