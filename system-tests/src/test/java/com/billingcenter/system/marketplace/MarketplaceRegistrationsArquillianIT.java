package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.cloudaccount.entity.BuyerLicense;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.boundary.MarketplaceRegistrations;
import com.billingcenter.marketplace.boundary.NewWorkspace;
import com.billingcenter.marketplace.entity.Registration;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Settlement;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Binding a cloud account with a set-up reference, inside Payara Micro: once, by one account, only
 * the caller's workspaces, and all or nothing.
 */
class MarketplaceRegistrationsArquillianIT extends ContainerTest {

  private static final String PASSWORD = "Arquillian-2026";

  @Inject MarketplaceRegistrations registrations;
  @Inject CloudAccounts cloudAccounts;
  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  private BillingAccount newAccount() {
    String username = "mp-" + UUID.randomUUID().toString().substring(0, 8);
    return accounts.register(username, username + "@example.org", PASSWORD);
  }

  /** What the fulfillment URL leaves behind: a pending cloud account and a fresh reference. */
  private Registration received(String awsAccountId) throws Exception {
    String id = UUID.randomUUID().toString();
    transaction.begin();
    CloudAccount account =
        CloudAccount.buyer(
            "aws",
            awsAccountId,
            new BuyerLicense(
                "l-" + id, "arn:aws:license-manager::" + awsAccountId + ":license:l-" + id, false),
            "billing-center-product",
            clock);
    em.persist(account);
    em.flush();
    Registration registration = Registration.open(account.id(), Duration.ofHours(1), clock);
    em.persist(registration);
    transaction.commit();
    return registration;
  }

  /** Another reference for the same buyer, as when the same subscription comes back again. */
  private Registration againFor(Registration first) throws Exception {
    transaction.begin();
    Registration registration =
        Registration.open(first.cloudAccountId(), Duration.ofHours(1), clock);
    em.persist(registration);
    transaction.commit();
    return registration;
  }

  @Test
  void referenceBindsTheCloudAccountAndTheChosenWorkspacesOnce() throws Exception {
    clock.set(Instant.parse("2026-09-10T09:00:00Z"));
    BillingAccount ann = newAccount();
    Workspace frankfurt = workspaces.create(ann, "Frankfurt", "eu1", "en", Plan.COMMERCIAL);
    Workspace oregon = workspaces.create(ann, "Oregon", "us1", "en", Plan.COMMERCIAL);
    Registration registration = received("111122223333");

    CloudAccount bound =
        registrations.bind(
            ann, registration.reference(), List.of(frankfurt.id(), oregon.id()), null);
    assertEquals(ann.id(), bound.ownerId());
    var settled = cloudAccounts.withWorkspaces(ann);
    assertEquals(1, settled.size());
    assertEquals(
        List.of(frankfurt.id(), oregon.id()),
        settled.values().iterator().next().stream().map(Workspace::id).toList());

    var again =
        assertThrows(
            RuleViolation.class,
            () -> registrations.bind(ann, registration.reference(), List.of(frankfurt.id()), null));
    assertEquals("registration.used", again.code());
    BillingAccount bob = newAccount();
    Workspace bobs = workspaces.create(bob, "Bob's", "ap1", "en", Plan.COMMERCIAL);
    var byAnother =
        assertThrows(
            RuleViolation.class,
            () -> registrations.bind(bob, registration.reference(), List.of(bobs.id()), null));
    assertEquals("registration.used", byAnother.code());
    assertEquals(
        Settlement.billingCenterAccount(), workspaces.require(bob, bobs.id()).settlement());
  }

  @Test
  void aSecondReferenceOfTheSameBuyerCannotHandTheAccountToAnotherCustomer() throws Exception {
    BillingAccount ann = newAccount();
    BillingAccount eve = newAccount();
    Registration first = received("222233334444");
    registrations.bind(ann, first.reference(), List.of(), new NewWorkspace("Ann's", "us1", "en"));
    Registration second = againFor(first);
    Workspace eves = workspaces.create(eve, "Eve's", "us1", "en", Plan.COMMERCIAL);
    var refused =
        assertThrows(
            RuleViolation.class,
            () -> registrations.bind(eve, second.reference(), List.of(eves.id()), null));
    assertEquals("cloudAccount.otherOwner", refused.code());
    assertNull(registrations.find(second.reference()).orElseThrow().use().usedAt(), "still unused");
    assertEquals(
        Settlement.billingCenterAccount(), workspaces.require(eve, eves.id()).settlement());
  }

  @Test
  void anotherAccountsWorkspaceCannotBeBoundAndNothingIsBound() throws Exception {
    BillingAccount ann = newAccount();
    BillingAccount bob = newAccount();
    Workspace anns = workspaces.create(ann, "Ann's", "eu1", "en", Plan.COMMERCIAL);
    Workspace bobs = workspaces.create(bob, "Bob's", "eu1", "en", Plan.COMMERCIAL);
    Registration registration = received("333344445555");
    var refused =
        assertThrows(
            RuleViolation.class,
            () ->
                registrations.bind(
                    bob, registration.reference(), List.of(bobs.id(), anns.id()), null));
    assertEquals("workspace.notFound", refused.code());
    assertNull(registrations.find(registration.reference()).orElseThrow().use().usedAt());
    assertNull(registrations.cloudAccountOf(registration).ownerId(), "still pending");
    assertEquals(
        Settlement.billingCenterAccount(), workspaces.require(bob, bobs.id()).settlement());
    assertEquals(
        Settlement.billingCenterAccount(), workspaces.require(ann, anns.id()).settlement());
  }

  @Test
  void expiredAndForgedReferencesAreRefused() throws Exception {
    clock.set(Instant.parse("2026-09-10T09:00:00Z"));
    BillingAccount ann = newAccount();
    Registration registration = received("444455556666");
    NewWorkspace workspace = new NewWorkspace("Late", "ap1", "zh");
    clock.set(Instant.parse("2026-09-10T10:00:00Z"));
    assertEquals(
        "registration.expired",
        assertThrows(
                RuleViolation.class,
                () -> registrations.bind(ann, registration.reference(), List.of(), workspace))
            .code());
    for (String forged :
        new String[] {"nope", registration.reference().replace('a', 'b') + "x", ""}) {
      assertEquals(
          "registration.notFound",
          assertThrows(
                  RuleViolation.class, () -> registrations.bind(ann, forged, List.of(), workspace))
              .code());
    }
    assertEquals(
        0,
        workspaces.count(ann, com.billingcenter.workspace.boundary.WorkspaceQuery.firstPage(20)));
  }

  @Test
  void newCustomerIsRegisteredAndBoundInOneStepOrNotAtAll() throws Exception {
    clock.set(Instant.parse("2026-09-12T09:00:00Z"));
    Registration registration = received("555566667777");
    String username = "step1-" + UUID.randomUUID().toString().substring(0, 8);
    var refused =
        assertThrows(
            RuleViolation.class,
            () ->
                registrations.registerAndBind(
                    username,
                    username + "@example.org",
                    PASSWORD,
                    registration.reference(),
                    new NewWorkspace("Hangzhou", "cn1", "zh")));
    assertEquals("settlement.notAllowed", refused.code(), "cn1 cannot settle by AWS");
    assertTrue(accounts.findByUsername(username).isEmpty(), "no account left behind");

    RuleViolation otherPartition =
        assertThrows(
            RuleViolation.class,
            () ->
                registrations.registerAndBind(
                    username,
                    username + "@example.org",
                    PASSWORD,
                    registration.reference(),
                    new NewWorkspace("Ningxia", "cn2", "zh")));
    assertEquals(
        "settlement.notAllowed",
        otherPartition.code(),
        "cn2 is in AWS's China partition: a global AWS license does not settle it");

    BillingAccount created =
        registrations.registerAndBind(
            username,
            username + "@example.org",
            PASSWORD,
            registration.reference(),
            new NewWorkspace("Singapore", "ap1", "zh"));
    Workspace workspace =
        workspaces
            .list(created, com.billingcenter.workspace.boundary.WorkspaceQuery.firstPage(5))
            .get(0);
    assertEquals(Plan.COMMERCIAL, workspace.plan());
    assertEquals("aws", workspace.settlement().method());
    assertTrue(workspace.canChangeSettlement(clock), "choosing the first method is not a change");
  }
}
