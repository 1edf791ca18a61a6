package com.billingcenter.workspace.control;

import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.notice.control.Notices;
import com.billingcenter.usage.control.UnsettledUsage;
import com.billingcenter.workspace.entity.SettlementPeriod;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The workspace lock, whole: a cloud account that ended (or whose subscription failed) releases the
 * workspaces it settled, which are locked with a 14-day countdown, their usage from then on kept
 * unsettled, each audited once and announced by a notice in its language; when the countdown ends a
 * workspace is fully locked and its countdown's usage, which nobody paid for, written off; and its
 * owner may dissolve a locked workspace for good. Unlocking is a change of settlement method
 * ({@code Workspaces.changeSettlement}). Every step runs in the caller's transaction with the
 * workspace's row locked, so a redelivered event or two instances never lock or fully lock one
 * workspace twice.
 */
@Stateless
public class WorkspaceLocks {

  /** Why a workspace was locked: the cloud account that settled it ended. */
  public static final String ENDED = "cloudAccount.ended";

  /** Why a workspace was locked: its cloud account's subscription failed. */
  public static final String SUBSCRIPTION_FAILED = "cloudAccount.subscriptionFailed";

  /** Workspaces fully locked per run of the countdown; the next run takes the rest. */
  static final int BATCH = 500;

  private static final Logger LOG = Logger.getLogger(WorkspaceLocks.class.getName());

  @PersistenceContext EntityManager em;
  @Inject WorkspaceAudit audit;
  @Inject Notices notices;
  @Inject UnsettledUsage unsettled;
  @Inject Clock clock;

  /**
   * A workspace locked again by the end of its settlement within this long of an earlier lock takes
   * no usage while locked ({@code billing.workspace.repeat-lock-window}).
   */
  @Inject
  @ConfigProperty(name = "billing.workspace.repeat-lock-window", defaultValue = "P90D")
  Duration repeatLockWindow;

  /** The reminders of a coming full lock ({@code billing.reminders.enabled}). */
  @Inject
  @ConfigProperty(name = "billing.reminders.enabled", defaultValue = "true")
  boolean remindersEnabled;

  /**
   * Every workspace the ended (or {@code failed}) cloud account settled loses it and is locked with
   * its countdown; the customer gets a notice in each workspace's language that says why. Returns
   * how many were locked (none for a redelivery).
   */
  public int lockSettledBy(CloudAccount account, boolean failed) {
    List<Workspace> settled =
        em.createNamedQuery(Workspace.SETTLED_BY_CLOUD, Workspace.class)
            .setParameter("cloudAccountId", account.id())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    int locked = 0;
    for (Workspace workspace : settled) {
      String before = WorkspaceAudit.describe(workspace);
      if (workspace.loseSettlement(
          failed ? SUBSCRIPTION_FAILED : ENDED, lockedBefore(workspace), clock)) {
        locked++;
        // Its usage from now on is unsettled: charged to the method that unlocks it.
        em.persist(SettlementPeriod.unsettled(workspace, clock.instant()));
        audit.changed(workspace, AuditEntry.SYSTEM, "workspace.locked", before);
        notices.workspaceLocked(workspace, account, failed);
      }
    }
    return locked;
  }

  /**
   * Whether the workspace was locked (had an unsettled period) within the repeat window before now:
   * then this lock takes no usage while it lasts.
   */
  private boolean lockedBefore(Workspace workspace) {
    return em.createNamedQuery(SettlementPeriod.LOCKS_SINCE, Long.class)
            .setParameter("workspaceId", workspace.id())
            .setParameter("settled", SettlementPeriod.Kind.SETTLED)
            .setParameter("since", clock.instant().minus(repeatLockWindow))
            .getSingleResult()
        > 0;
  }

  /**
   * Ends the countdown of locked workspaces. A non-persistent schedule on every instance
   * (persistent timers do not survive failover on Payara Micro); a run that fails is simply done
   * again by the next.
   */
  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void everyFiveMinutes() {
    int done = fullyLockOverdue();
    if (done > 0) {
      LOG.info(() -> done + " workspace(s) fully locked: their 14-day countdown ended.");
    }
    int reminded = remindersEnabled ? remindDue() : 0;
    if (reminded > 0) {
      LOG.info(() -> reminded + " owner(s) reminded of a coming full lock.");
    }
  }

  /**
   * Fully locks every workspace whose countdown has ended (up to a batch): it takes no new data,
   * and the usage of its countdown is written off. Returns how many.
   */
  public int fullyLockOverdue() {
    // The ids first, then each row locked on its own: EclipseLink writes "FOR UPDATE LIMIT" for a
    // locked page on H2, which H2 refuses.
    List<Long> overdue =
        em.createNamedQuery(Workspace.COUNTDOWN_OVER, Long.class)
            .setParameter("locked", WorkspaceStatus.LOCKED)
            .setParameter("now", clock.instant())
            .setMaxResults(BATCH)
            .getResultList();
    int done = 0;
    for (long id : overdue) {
      Workspace workspace = em.find(Workspace.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (workspace == null) {
        continue;
      }
      String before = WorkspaceAudit.describe(workspace);
      if (workspace.refreshLockState(clock)) {
        done++;
        audit.changed(workspace, AuditEntry.SYSTEM, "workspace.fullyLocked", before);
        unsettled.chargeToOwner(workspace, AuditEntry.SYSTEM, "the workspace is fully locked");
      }
    }
    return done;
  }

  /**
   * Reminds the owners of locked workspaces whose full lock comes within a week, then a day ({@link
   * Workspace#fullLockReminderDue}): a notice (mailed) in the workspace's language, each once per
   * countdown (the row is locked while it is decided). Returns how many were sent.
   */
  public int remindDue() {
    List<Long> ending =
        em.createNamedQuery(Workspace.COUNTDOWN_ENDING, Long.class)
            .setParameter("locked", WorkspaceStatus.LOCKED)
            .setParameter("now", clock.instant())
            .setParameter("within", clock.instant().plus(Duration.ofDays(7)))
            .setMaxResults(BATCH)
            .getResultList();
    int sent = 0;
    for (long id : ending) {
      Workspace workspace = em.find(Workspace.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (workspace == null) {
        continue;
      }
      var due = workspace.fullLockReminderDue(clock);
      if (due.isPresent()) {
        notices.fullLockSoon(workspace, due.getAsInt());
        sent++;
      }
    }
    return sent;
  }

  /**
   * Extends a locked workspace's countdown by {@code days} ({@link Workspace#extendCountdown}),
   * {@code actor} being the product's staff, who says why; audited in the customer's log with the
   * reason. Returns the workspace, or empty for no such workspace.
   */
  public java.util.Optional<Workspace> extendCountdown(
      long workspaceId, int days, String actor, String reason) {
    Workspace workspace = em.find(Workspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    if (workspace == null) {
      return java.util.Optional.empty();
    }
    String before = WorkspaceAudit.describe(workspace);
    workspace.extendCountdown(days, clock);
    audit.changedByStaff(workspace, actor, "workspace.countdownExtended", before, reason);
    return java.util.Optional.of(workspace);
  }

  /**
   * Dissolves a locked workspace for good, {@code actor} having typed its name to confirm: it takes
   * no more data, leaves every list, and the usage of its countdown, which no method paid for, is
   * charged to the owner's Billing Center account (as when a countdown ends). Audited, and a notice
   * says so.
   */
  public void dissolve(Workspace workspace, String actor, String typedName) {
    em.lock(workspace, LockModeType.PESSIMISTIC_WRITE);
    String before = WorkspaceAudit.describe(workspace);
    workspace.dissolve(typedName, clock);
    unsettled.chargeToOwner(workspace, actor, "the owner dissolved the workspace");
    audit.changed(workspace, actor, "workspace.dissolved", before);
    notices.workspaceDissolved(workspace);
  }
}
