package com.billingcenter.system.workspace;

import static com.billingcenter.system.support.SettledCustomers.summary;
import static com.billingcenter.system.support.SettledCustomers.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.boundary.SubscriptionLifecycle;
import com.billingcenter.notice.boundary.NoticeBoard;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.SettledCustomers;
import com.billingcenter.system.support.SettledCustomers.Settled;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.control.WorkspaceLocks;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The subscription lifecycle's services inside Payara Micro on the real database, with a clock the
 * test moves: an end locks the workspaces, and 14 days later the countdown job fully locks them.
 */
@SecurityPromise
class LifecycleArquillianIT extends ContainerTest {

  private static final String PASSWORD = SettledCustomers.PASSWORD;

  @Inject SettledCustomers customers;
  @Inject Workspaces workspaces;
  @Inject WorkspaceLocks countdown;
  @Inject NoticeBoard notices;
  @Inject AuditLog auditLog;
  @Inject UsageIntake usage;
  @Inject Bills bills;
  @Inject com.billingcenter.metering.boundary.NotSubscribedLicenses notSubscribed;

  @Test
  void anEndLocksTheWorkspacesAndTheCountdownFullyLocksThemAfter14Days() throws Exception {
    clock.set(Instant.parse("2026-08-03T09:00:00Z"));
    Settled settled = customers.settledWorkspace("lc-", "Countdown", "zh");
    BillingAccount owner = settled.owner();
    Workspace workspace = settled.workspace();

    Instant ended = Instant.parse("2026-08-03T10:00:00Z");
    clock.set(ended);
    var receipt = customers.receive(settled.license(), SubscriptionChange.ENDED, ended);
    assertEquals(SubscriptionLifecycle.Outcome.CHANGED, receipt.outcome());
    assertEquals(1, receipt.lockedWorkspaces());
    assertEquals(WorkspaceStatus.LOCKED, workspaces.require(owner, workspace.id()).status());
    assertEquals(1, notices.count(owner.id()));
    assertTrue(
        notices.page(owner.id(), 0, 10).get(0).subject().contains("已锁定"),
        "the notice is in the workspace's language");

    // Issue "nothing lost": usage reported while locked is kept, unsettled.
    usage.receive("us1", List.of(used(workspace.id(), "data-points", ended, 6)), Map.of());
    YearMonth august = YearMonth.of(2026, 8);
    assertEquals(
        List.of("none UNSETTLED 6"), summary(bills.month(owner, august)), "unsettled while locked");

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
    // Issue "nothing free": what the countdown used, no method paid for, so the owner's Billing
    // Center account does.
    assertEquals(
        List.of("billing-center CHARGED_TO_OWNER 6"),
        summary(bills.month(owner, august)),
        "a fully locked workspace's unsettled usage is charged to the owner");
    assertEquals(
        "1.50",
        bills.daily(owner, 30).get(0).amount().toPlainString(),
        "6 million data points at 0.25: " + bills.daily(owner, 30));
    var charged =
        auditLog.page(owner.id(), 0, 50).stream()
            .filter(e -> e.action().equals("usage.chargedToOwner"))
            .toList();
    assertEquals(1, charged.size());
    assertTrue(charged.get(0).before().contains("data-points 6"), charged.get(0).before());

    workspaces.changeSettlement(owner, workspace.id(), "billing-center", null);
    assertEquals(
        WorkspaceStatus.ACTIVE,
        workspaces.require(owner, workspace.id()).status(),
        "a new method still unlocks a fully locked workspace");
    assertEquals(
        List.of("billing-center CHARGED_TO_OWNER 6"),
        summary(bills.month(owner, august)),
        "what was charged stays charged");
  }

  /**
   * AWS answers a metering record {@code CustomerNotSubscribed} (AWS Marketplace API reference,
   * UsageRecordResult,
   * https://docs.aws.amazon.com/marketplace/latest/APIReference/API_marketplace-metering_UsageRecordResult.html:
   * the customer "does not have an active agreement or subscription with this product. Future
   * UsageRecords for this customer will fail until the customer subscribes"), though no unsubscribe
   * reached us: the cloud account ends as on an unsubscribe, its workspace is locked with a notice,
   * and a second such answer changes nothing.
   */
  @Test
  void aCustomerNotSubscribedAnswerEndsTheCloudAccountAsAnUnsubscribeDoes() throws Exception {
    clock.set(Instant.parse("2026-11-02T09:00:00Z"));
    Settled settled = customers.settledWorkspace("nosub-", "Not subscribed", "en");
    BillingAccount owner = settled.owner();
    var record =
        new com.billingcenter.metering.control.MeteringStore.Pending(
            1L,
            "aws",
            "billing-center-product",
            "123456789012",
            com.billingcenter.marketplace.aws.control.AwsLicenses.of(settled.license(), null),
            "DataPoints",
            Instant.parse("2026-11-02T08:00:00Z"),
            5,
            1);
    var answer =
        new com.billingcenter.metering.control.MeteringStore.Answer(
            1L,
            com.billingcenter.metering.entity.MeteringState.NOT_SUBSCRIBED,
            "CustomerNotSubscribed",
            null,
            null);
    clock.set(Instant.parse("2026-11-02T09:20:00Z"));
    notSubscribed.end(List.of(record), List.of(answer));
    Workspace locked = workspaces.require(owner, settled.workspace().id());
    assertEquals(WorkspaceStatus.LOCKED, locked.status(), "locked as on an unsubscribe");
    assertEquals(1, notices.count(owner.id()), "the customer is told");
    notSubscribed.end(List.of(record), List.of(answer));
    assertEquals(1, notices.count(owner.id()), "a second answer changes nothing");
  }

  /**
   * Issue "nothing repeatable": a workspace whose AWS settlement ends a second time within 90 days
   * (billing.workspace.repeat-lock-window as shipped) takes no usage while locked, so that
   * cancelling and subscribing again does not make a countdown's free data a habit; a new method
   * unlocks it.
   */
  @Test
  void aWorkspaceLockedAgainWithinTheWindowTakesNoUsageUntilUnlocked() throws Exception {
    clock.set(Instant.parse("2026-10-01T09:00:00Z"));
    Settled settled = customers.settledWorkspace("again-", "Again", "en");
    BillingAccount owner = settled.owner();
    long workspace = settled.workspace().id();
    Instant first = Instant.parse("2026-10-01T10:00:00Z");
    clock.set(first);
    assertEquals(
        1,
        customers.receive(settled.license(), SubscriptionChange.ENDED, first).lockedWorkspaces());
    assertEquals(
        1,
        usage
            .receive("us1", List.of(used(workspace, "data-points", first, 3)), Map.of())
            .accepted(),
        "a first lock's countdown takes usage");

    // Subscribed again a week later, cancelled again a month after the first lock.
    clock.set(first.plus(Duration.ofDays(7)));
    String again = customers.settleByNewLicense(owner, workspaces.require(owner, workspace));
    Instant second = first.plus(Duration.ofDays(30));
    clock.set(second);
    assertEquals(1, customers.receive(again, SubscriptionChange.ENDED, second).lockedWorkspaces());
    assertTrue(workspaces.require(owner, workspace).usageStopped());
    var refused =
        org.junit.jupiter.api.Assertions.assertThrows(
            com.billingcenter.usage.control.UsageRefused.class,
            () ->
                usage.receive("us1", List.of(used(workspace, "data-points", second, 3)), Map.of()));
    assertTrue(refused.problems().get(0).reason().contains("locked again"), refused.getMessage());
    assertTrue(refused.forbidden(), "the site is answered 403, not 422");

    // A new method unlocks it and it takes usage again.
    workspaces.changeSettlement(owner, workspace, "billing-center", null);
    assertEquals(
        1,
        usage
            .receive("us1", List.of(used(workspace, "data-points", second, 3)), Map.of())
            .accepted());
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
    Settled failing = customers.settledWorkspace("fail-", "Failing", "en");
    var receipt = customers.receive(failing.license(), SubscriptionChange.SUBSCRIBE_FAILED, at);
    assertEquals(1, receipt.lockedWorkspaces());
    Workspace locked = workspaces.require(failing.owner(), failing.workspace().id());
    assertEquals(WorkspaceStatus.LOCKED, locked.status());
    assertEquals(WorkspaceLocks.SUBSCRIPTION_FAILED, locked.lockReason());
    var notice = notices.page(failing.owner().id(), 0, 10).get(0);
    assertTrue(notice.body().contains("failed"), notice.body());
    assertEquals(
        0,
        customers
            .receive(failing.license(), SubscriptionChange.SUBSCRIBE_FAILED, at.plusSeconds(5))
            .lockedWorkspaces(),
        "a second failure locks nothing more");

    Settled succeeded = customers.settledWorkspace("ok-", "Renewed", "en");
    customers.receive(succeeded.license(), SubscriptionChange.SUBSCRIBED, at.plusSeconds(60));
    var late = customers.receive(succeeded.license(), SubscriptionChange.SUBSCRIBE_FAILED, at);
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
