package com.billingcenter.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.notice.boundary.NoticeBoard;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.control.LockCountdown;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The subscription lifecycle's services inside Payara Micro on the real database, with a clock the
 * test moves: an end locks the workspaces, and 14 days later the countdown job fully locks them.
 */
@ExtendWith(ArquillianExtension.class)
class LifecycleArquillianIT {

  private static final String PASSWORD = "Arquillian-2026";

  @Deployment
  static WebArchive deployment() {
    return MicroWarDeployment.create(MovableClock.class);
  }

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject SubscriptionLifecycle lifecycle;
  @Inject LockCountdown countdown;
  @Inject NoticeBoard notices;
  @Inject AuditLog auditLog;
  @Inject MovableClock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction transaction;

  @Test
  void anEndLocksTheWorkspacesAndTheCountdownFullyLocksThemAfter14Days() throws Exception {
    clock.set(Instant.parse("2026-08-03T09:00:00Z"));
    Settled settled = settledWorkspace("lc-", "Countdown", "zh");
    BillingAccount owner = settled.owner();
    Workspace workspace = settled.workspace();

    Instant ended = Instant.parse("2026-08-03T10:00:00Z");
    clock.set(ended);
    var receipt = receive(settled.license(), SubscriptionChange.ENDED, ended);
    assertEquals(SubscriptionLifecycle.Outcome.CHANGED, receipt.outcome());
    assertEquals(1, receipt.lockedWorkspaces());
    assertEquals(WorkspaceStatus.LOCKED, workspaces.require(owner, workspace.id()).status());
    assertEquals(1, notices.count(owner.id()));
    assertTrue(
        notices.list(owner.id(), 0, 10).get(0).subject().contains("已锁定"),
        "the notice is in the workspace's language");

    clock.set(ended.plus(Duration.ofDays(14)).minusSeconds(60));
    countdown.fullyLockOverdue();
    Workspace stillCounting = workspaces.require(owner, workspace.id());
    assertEquals(WorkspaceStatus.LOCKED, stillCounting.status(), "a minute before the end");
    assertTrue(stillCounting.acceptsUsage(clock));

    clock.set(ended.plus(Duration.ofDays(14)));
    assertTrue(countdown.fullyLockOverdue() >= 1);
    Workspace fullyLocked = workspaces.require(owner, workspace.id());
    assertEquals(WorkspaceStatus.FULLY_LOCKED, fullyLocked.status());
    assertFalse(fullyLocked.acceptsUsage(clock), "no new data from now on");
    var entries =
        auditLog.page(owner.id(), 0, 50).stream()
            .filter(e -> e.action().equals("workspace.fullyLocked"))
            .toList();
    assertEquals(1, entries.size());
    assertEquals(AuditEntry.SYSTEM, entries.get(0).actor());
    countdown.fullyLockOverdue();
    assertEquals(1, auditOf(owner), "a second run changes nothing");

    workspaces.changeSettlement(owner, workspace.id(), "billing-center", null);
    assertEquals(
        WorkspaceStatus.ACTIVE,
        workspaces.require(owner, workspace.id()).status(),
        "a new method still unlocks a fully locked workspace");
  }

  private record Settled(BillingAccount owner, String license, Workspace workspace) {}

  /** A customer whose new workspace is settled by a new AWS account of theirs. */
  private Settled settledWorkspace(String prefix, String name, String language) throws Exception {
    String username = prefix + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner = accounts.register(username, username + "@example.org", PASSWORD);
    String license = "arn:aws:license-manager::1:license:l-" + UUID.randomUUID();
    transaction.begin();
    CloudAccount account =
        CloudAccount.buyer(
            "aws", "123456789012", AwsLicenses.of(license, null), "billing-center-product", clock);
    account.bindTo(owner.id());
    em.persist(account);
    transaction.commit();
    Workspace workspace = workspaces.create(owner, name, "us1", language, Plan.COMMERCIAL);
    workspaces.changeSettlement(owner, workspace.id(), "aws", account.id());
    return new Settled(owner, license, workspace);
  }

  private SubscriptionLifecycle.Receipt receive(
      String license, SubscriptionChange change, Instant at) {
    return lifecycle.receive(
        new SubscriptionEvent(
            "eventbridge",
            UUID.randomUUID().toString(),
            "aws",
            AwsLicenses.key(license, null),
            null,
            null,
            change,
            at));
  }

  /**
   * Issue "nothing lost": a subscription that failed (SNS subscribe-fail) settles nothing, so its
   * workspaces are locked as on an unsubscribe, with a notice that says it failed; a failure older
   * than a success that came first locks nothing.
   */
  @Test
  void aFailedSubscriptionLocksItsWorkspacesUnlessANewerSuccessReplacesIt() throws Exception {
    Instant at = Instant.parse("2026-08-05T09:00:00Z");
    clock.set(at);
    Settled failing = settledWorkspace("fail-", "Failing", "en");
    var receipt = receive(failing.license(), SubscriptionChange.SUBSCRIBE_FAILED, at);
    assertEquals(1, receipt.lockedWorkspaces());
    Workspace locked = workspaces.require(failing.owner(), failing.workspace().id());
    assertEquals(WorkspaceStatus.LOCKED, locked.status());
    assertEquals(SubscriptionLifecycle.FAILED_LOCK_REASON, locked.lockReason());
    var notice = notices.list(failing.owner().id(), 0, 10).get(0);
    assertTrue(notice.body().contains("failed"), notice.body());
    assertEquals(
        0,
        receive(failing.license(), SubscriptionChange.SUBSCRIBE_FAILED, at.plusSeconds(5))
            .lockedWorkspaces(),
        "a second failure locks nothing more");

    Settled succeeded = settledWorkspace("ok-", "Renewed", "en");
    receive(succeeded.license(), SubscriptionChange.SUBSCRIBED, at.plusSeconds(60));
    var late = receive(succeeded.license(), SubscriptionChange.SUBSCRIBE_FAILED, at);
    assertEquals(0, late.lockedWorkspaces(), "the newer success stands");
    assertEquals(
        WorkspaceStatus.ACTIVE,
        workspaces.require(succeeded.owner(), succeeded.workspace().id()).status());
  }

  private long auditOf(BillingAccount owner) {
    return auditLog.page(owner.id(), 0, 50).stream()
        .filter(e -> e.action().equals("workspace.fullyLocked"))
        .count();
  }
}
