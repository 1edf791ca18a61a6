package com.billingcenter.system.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.control.AccountIdentityStore;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.entity.BuyerLicense;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.workspace.boundary.WorkspaceNotFound;
import com.billingcenter.workspace.boundary.WorkspaceQuery;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Settlement;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceLanguage;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The workspace, settlement, account and audit services inside Payara Micro, on the real database,
 * with a clock the test moves.
 */
class WorkspacesArquillianIT extends ContainerTest {

  private static final String PASSWORD = "Arquillian-2026";

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject AuditLog auditLog;
  @Inject AccountIdentityStore identityStore;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  private BillingAccount newAccount() {
    String username = "ws-" + UUID.randomUUID().toString().substring(0, 8);
    return accounts.register(username, username + "@example.org", PASSWORD);
  }

  private long awsAccountOf(BillingAccount owner) throws Exception {
    transaction.begin();
    String license = "arn:aws:license-manager::123456789012:license:l-" + UUID.randomUUID();
    CloudAccount account =
        CloudAccount.buyer(
            "aws", "123456789012", new BuyerLicense(license, license, false), "product", clock);
    account.bindTo(owner.id());
    em.persist(account);
    transaction.commit();
    return account.id();
  }

  private List<AuditEntry> audit(BillingAccount owner, String action) {
    return auditLog.page(owner.id(), 0, 200).stream()
        .filter(e -> e.action().equals(action))
        .toList();
  }

  @Test
  void settlementMethodChangesOncePerCalendarMonth() throws Exception {
    BillingAccount ann = newAccount();
    long aws = awsAccountOf(ann);
    clock.set(Instant.parse("2026-05-31T23:00:00Z"));
    Workspace created = workspaces.create(ann, "Shop", "us1", "en", Plan.COMMERCIAL);
    assertEquals(Settlement.billingCenterAccount(), created.settlement(), "the site's default");

    workspaces.changeSettlement(ann, created.id(), "aws", aws);
    var refused =
        assertThrows(
            RuleViolation.class,
            () -> workspaces.changeSettlement(ann, created.id(), "billing-center", null));
    assertEquals("settlement.oncePerMonth", refused.code());
    assertEquals(
        Settlement.cloudAccount("aws", aws),
        workspaces.require(ann, created.id()).settlement(),
        "the refused change changed nothing");

    clock.set(Instant.parse("2026-06-01T00:00:00Z"));
    workspaces.changeSettlement(ann, created.id(), "billing-center", null);
    assertEquals(
        Settlement.billingCenterAccount(), workspaces.require(ann, created.id()).settlement());

    List<AuditEntry> changes = audit(ann, "workspace.settlementChanged");
    assertEquals(2, changes.size());
    AuditEntry last = changes.get(0);
    assertEquals(ann.username(), last.actor());
    assertTrue(last.before().contains("\"settlement\":\"aws:" + aws + "\""), last.before());
    assertTrue(last.after().contains("\"settlement\":\"billing-center\""), last.after());
    assertEquals(Instant.parse("2026-06-01T00:00:00Z"), last.occurredAt());
  }

  @Test
  void changingTheMethodUnlocksALockedWorkspaceAtOnce() throws Exception {
    BillingAccount ann = newAccount();
    long aws = awsAccountOf(ann);
    clock.set(Instant.parse("2026-07-10T08:00:00Z"));
    Workspace created = workspaces.create(ann, "Locked one", "eu1", "zh", Plan.COMMERCIAL);
    workspaces.changeSettlement(ann, created.id(), "aws", aws);
    transaction.begin();
    em.find(Workspace.class, created.id()).lock("cloudAccount.unsubscribed", clock);
    transaction.commit();

    clock.set(Instant.parse("2026-07-12T08:00:00Z"));
    Workspace unlocked = workspaces.changeSettlement(ann, created.id(), "billing-center", null);
    assertEquals(WorkspaceStatus.ACTIVE, unlocked.status(), "same month, but unlocking");
    assertNull(unlocked.lockedAt());
    List<AuditEntry> unlocks = audit(ann, "workspace.unlocked");
    assertEquals(1, unlocks.size());
    assertTrue(unlocks.get(0).before().contains("\"status\":\"LOCKED\""));
    assertTrue(unlocks.get(0).after().contains("\"status\":\"ACTIVE\""));
  }

  @Test
  void siteRuleHoldsUnlessTheOperatorAllowsArbitrarySelection() throws Exception {
    BillingAccount ann = newAccount();
    long aws = awsAccountOf(ann);
    clock.set(Instant.parse("2026-08-03T10:00:00Z"));
    Workspace hangzhou = workspaces.create(ann, "Hangzhou", "cn1", "zh", Plan.COMMERCIAL);
    var refused =
        assertThrows(
            RuleViolation.class, () -> workspaces.changeSettlement(ann, hangzhou.id(), "aws", aws));
    assertEquals("settlement.notAllowed", refused.code());
    assertEquals(
        List.of("billing-center"),
        workspaces.settlementOptions(ann, hangzhou).stream().map(o -> o.method()).toList());

    BillingAccount arbitrary =
        accounts.allowArbitrarySelection(
            ann.username(), true, "staff:jo", "the account manager agreed to it");
    workspaces.changeSettlement(arbitrary, hangzhou.id(), "aws", aws);
    assertEquals(
        Settlement.cloudAccount("aws", aws), workspaces.require(ann, hangzhou.id()).settlement());
    var flag = audit(ann, "account.arbitrarySelectionChanged");
    assertEquals(1, flag.size());
    assertEquals("staff:jo", flag.get(0).actor());
    assertTrue(
        flag.get(0).after().contains("the account manager agreed to it"), flag.get(0).after());
  }

  @Test
  void anotherAccountsWorkspaceLooksExactlyLikeAMissingOne() throws Exception {
    BillingAccount ann = newAccount();
    BillingAccount bob = newAccount();
    Workspace annsWorkspace = workspaces.create(ann, "Ann's", "us1", "en", Plan.COMMERCIAL);

    assertTrue(workspaces.find(bob, annsWorkspace.id()).isEmpty());
    var notHis =
        assertThrows(WorkspaceNotFound.class, () -> workspaces.require(bob, annsWorkspace.id()));
    var missing = assertThrows(WorkspaceNotFound.class, () -> workspaces.require(bob, -1));
    assertEquals(missing.getMessage(), notHis.getMessage());
    assertThrows(
        WorkspaceNotFound.class,
        () -> workspaces.changeSettlement(bob, annsWorkspace.id(), "billing-center", null));
    assertThrows(
        WorkspaceNotFound.class, () -> workspaces.openCommercialPlan(bob, annsWorkspace.id()));
    assertEquals(0, workspaces.count(bob, WorkspaceQuery.firstPage(20)));
    assertTrue(audit(bob, "workspace.settlementChanged").isEmpty());
  }

  @Test
  void anotherAccountsCloudAccountCannotSettleMyWorkspace() throws Exception {
    BillingAccount ann = newAccount();
    BillingAccount bob = newAccount();
    long bobsAws = awsAccountOf(bob);
    Workspace annsWorkspace = workspaces.create(ann, "Ann's", "us1", "en", Plan.COMMERCIAL);
    var refused =
        assertThrows(
            RuleViolation.class,
            () -> workspaces.changeSettlement(ann, annsWorkspace.id(), "aws", bobsAws));
    assertEquals("settlement.cloudAccount.unavailable", refused.code());
    assertEquals(
        Settlement.billingCenterAccount(),
        workspaces.require(ann, annsWorkspace.id()).settlement());
  }

  @Test
  void listIsSortedFilteredAndPagedByTheDatabase() {
    BillingAccount ann = newAccount();
    for (String[] w :
        new String[][] {
          {"beta", "us1"},
          {"Alpha", "eu1"},
          {"gamma 100%", "us1"},
          {"delta", "cn1"},
          {"alphabet", "us1"}
        }) {
      workspaces.create(ann, w[0], w[1], "en", Plan.FREE);
    }
    var byNameDesc = new WorkspaceQuery(0, 2, "name", false, null, null, null, null, null);
    assertEquals(
        List.of("gamma 100%", "delta"),
        workspaces.list(ann, byNameDesc).stream().map(Workspace::name).toList());
    var secondPage = new WorkspaceQuery(2, 2, "name", false, null, null, null, null, null);
    assertEquals(
        List.of("beta", "alphabet"),
        workspaces.list(ann, secondPage).stream().map(Workspace::name).toList());
    var alphaOnUs1 = new WorkspaceQuery(0, 20, "id", true, "ALPHA", "us1", null, "free", null);
    assertEquals(
        List.of("alphabet"),
        workspaces.list(ann, alphaOnUs1).stream().map(Workspace::name).toList());
    assertEquals(1, workspaces.count(ann, alphaOnUs1));
    var percent = new WorkspaceQuery(0, 20, "id", true, "0%", null, null, null, null);
    assertEquals(1, workspaces.count(ann, percent), "% in a filter is a character, not a wildcard");
    var commercial = new WorkspaceQuery(0, 20, "id", true, null, null, null, "commercial", null);
    assertEquals(0, workspaces.count(ann, commercial));
  }

  @Test
  void languageCannotBeChangedEvenThroughTheEntityManager() throws Exception {
    BillingAccount ann = newAccount();
    Workspace created = workspaces.create(ann, "Chinese", "ap1", "zh", Plan.COMMERCIAL);
    transaction.begin();
    Workspace managed = em.find(Workspace.class, created.id());
    var language = Workspace.class.getDeclaredField("language");
    language.setAccessible(true);
    language.set(managed, WorkspaceLanguage.EN);
    transaction.commit();
    try (Connection db = dataSource.getConnection();
        PreparedStatement select =
            db.prepareStatement("select language_code from workspace where id = ?")) {
      select.setLong(1, created.id());
      try (ResultSet row = select.executeQuery()) {
        row.next();
        assertEquals("ZH", row.getString(1));
      }
    }
  }

  @Test
  void badInputIsRefusedAndNothingIsStored() {
    BillingAccount ann = newAccount();
    assertEquals(
        "workspace.name.length",
        assertThrows(
                RuleViolation.class,
                () -> workspaces.create(ann, "x".repeat(500), "us1", "en", Plan.COMMERCIAL))
            .code());
    assertEquals(
        "workspace.name.length",
        assertThrows(
                RuleViolation.class, () -> workspaces.create(ann, "  ", "us1", "en", Plan.FREE))
            .code());
    assertEquals(
        "site.unknown",
        assertThrows(
                RuleViolation.class, () -> workspaces.create(ann, "x", "mars", "en", Plan.FREE))
            .code());
    assertEquals(
        "workspace.language.invalid",
        assertThrows(RuleViolation.class, () -> workspaces.create(ann, "x", "us1", "fr", Plan.FREE))
            .code());
    assertEquals(0, workspaces.count(ann, WorkspaceQuery.firstPage(20)));
    assertTrue(audit(ann, "workspace.created").isEmpty());
  }

  @Test
  void passwordChangeNeedsTheCurrentPasswordAndEndsTheOldOne() {
    BillingAccount ann = newAccount();
    var wrong =
        assertThrows(
            RuleViolation.class,
            () ->
                accounts.changePassword(
                    ann.username(), "not-it-2026", "Brand-new-2026", "203.0.113.9"));
    assertEquals("password.currentWrong", wrong.code());
    assertEquals(
        Status.VALID,
        identityStore
            .validate(new UsernamePasswordCredential(ann.username(), PASSWORD))
            .getStatus());

    accounts.changePassword(ann.username(), PASSWORD, "Brand-new-2026", "203.0.113.9");
    assertEquals(
        Status.INVALID,
        identityStore
            .validate(new UsernamePasswordCredential(ann.username(), PASSWORD))
            .getStatus(),
        "the old password no longer works, even though it was just verified");
    assertEquals(
        Status.VALID,
        identityStore
            .validate(new UsernamePasswordCredential(ann.username(), "Brand-new-2026"))
            .getStatus());
    var entry = audit(ann, "account.passwordChanged").get(0);
    assertNull(entry.before());
    assertNull(entry.after(), "no password or hash in the audit log");
  }
}
