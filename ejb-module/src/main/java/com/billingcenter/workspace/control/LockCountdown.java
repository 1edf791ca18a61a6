package com.billingcenter.workspace.control;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.usage.control.UnsettledUsage;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Ends the countdown of locked workspaces: 14 days after the lock a workspace is fully locked and
 * takes no new data, and the usage of its countdown is written off. A non-persistent schedule on
 * every instance (persistent timers do not survive failover on Payara Micro); the rows are locked
 * while they change, so two instances never fully lock one workspace twice, and a run that fails is
 * simply done again by the next.
 */
@Stateless
public class LockCountdown {

  /** Workspaces handled per run; the next run takes the rest. */
  static final int BATCH = 500;

  private static final Logger LOG = Logger.getLogger(LockCountdown.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Audit audit;
  @Inject Clock clock;

  @Schedule(hour = "*", minute = "*/5", persistent = false)
  void everyFiveMinutes() {
    int done = fullyLockOverdue();
    if (done > 0) {
      LOG.info(() -> done + " workspace(s) fully locked: their 14-day countdown ended.");
    }
  }

  /** Fully locks every workspace whose countdown has ended (up to a batch); returns how many. */
  public int fullyLockOverdue() {
    // The ids first, then each row locked on its own: EclipseLink writes "FOR UPDATE LIMIT" for a
    // locked page on H2, which H2 refuses.
    List<Long> overdue =
        em.createNamedQuery(Workspace.COUNTDOWN_OVER, Long.class)
            .setParameter("locked", WorkspaceStatus.LOCKED)
            .setParameter("lockedBefore", clock.instant().minus(Workspace.LOCK_COUNTDOWN))
            .setMaxResults(BATCH)
            .getResultList();
    int done = 0;
    for (long id : overdue) {
      Workspace workspace = em.find(Workspace.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (workspace == null) {
        continue;
      }
      String before = Workspaces.describe(workspace);
      if (workspace.refreshLockState(clock)) {
        done++;
        audit.record(
            workspace.ownerId(),
            AuditEntry.SYSTEM,
            "workspace.fullyLocked",
            "workspace",
            workspace.id(),
            before,
            Workspaces.describe(workspace));
        // The usage of the countdown, which nobody paid for, is written off.
        UnsettledUsage.writeOff(
            em, audit, workspace, AuditEntry.SYSTEM, "the workspace is fully locked");
      }
    }
    return done;
  }
}
