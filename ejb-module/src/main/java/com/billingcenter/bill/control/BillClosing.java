package com.billingcenter.bill.control;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.notice.control.Notices;
import com.billingcenter.platform.control.JobLeases;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes bills final on their close day ({@link BillCalendar}): the month's own lines and the late
 * lines of earlier final months, priced now, are written once with their CSV ({@link FinalBills})
 * and a notice (mailed) says the bill is ready. A non-persistent schedule on every instance (as
 * Payara Micro's persistent timers do not survive failover), of which the lease ({@code job_lease}
 * "bill-closing") lets one work at a time, through every owner in batches, each bill in a short
 * transaction of its own. A customer who opens a due month before the run reached it has its bill
 * made final there and then ({@link #closeIfDue}); the owner's row lock and the bill's unique key
 * keep each bill made once.
 */
@Stateless
public class BillClosing {

  private static final Logger LOG = Logger.getLogger(BillClosing.class.getName());

  /** Owners read per batch; each bill is made in a transaction of its own. */
  static final int BATCH = 500;

  /** The lease that lets one instance of a cluster close bills at a time. */
  static final String LEASE = "bill-closing";

  /** This instance, as the lease names its holder. */
  private static final String HOLDER =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);

  @Inject BillCalendar calendar;
  @Inject BillLines billLines;
  @Inject FinalBills finalBills;
  @Inject BillBlocks blocks;
  @Inject Notices notices;
  @Inject JobLeases leases;
  @Inject Clock clock;
  @Resource SessionContext context;
  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "billing.bills.closing.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "billing.bills.closing.lease", defaultValue = "PT5M")
  Duration lease;

  /** What one closing run did: the month, the bills it made and those it could not. */
  public record Run(YearMonth month, int made, int notMade, boolean leaseHeldElsewhere) {}

  @Schedule(hour = "*", minute = "23", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void hourly() {
    if (enabled) {
      Run run = closeDue();
      if (run.made() > 0 || run.notMade() > 0) {
        LOG.info(
            () ->
                run.made()
                    + " bill(s) of "
                    + run.month()
                    + " made final, "
                    + run.notMade()
                    + " not (see the warnings).");
      }
    }
  }

  /**
   * Makes the latest due month's bill final for every owner whose bill it still is not, a batch of
   * owners after another (in owner order, so that a bill that cannot be made is passed once a run),
   * each bill in a transaction of its own; under the lease, so that one instance of a cluster does
   * it at a time (another's run finds the lease held and does nothing).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Run closeDue() {
    YearMonth month = calendar.latestDue(clock.instant());
    if (!leases.acquire(LEASE, HOLDER, clock.instant(), lease)) {
      return new Run(month, 0, 0, true);
    }
    int made = 0;
    int notMade = 0;
    try {
      long after = 0;
      List<Long> owners;
      do {
        owners = finalBills.unfinished(month, BillLines.LOOKBACK_MONTHS, after, BATCH);
        for (long ownerId : owners) {
          try {
            if (self().closeIfDue(ownerId, month)) {
              made++;
            } else {
              notMade++;
            }
          } catch (EJBException e) {
            notMade++;
            LOG.warning(() -> "The bill of " + month + " of account " + ownerId + ": " + e);
          }
        }
        after = owners.isEmpty() ? after : owners.get(owners.size() - 1);
      } while (!owners.isEmpty() && leases.acquire(LEASE, HOLDER, clock.instant(), lease));
    } finally {
      leases.release(LEASE, HOLDER);
    }
    return new Run(month, made, notMade, false);
  }

  /**
   * Makes the owner's bill of {@code month} final if it is due and not final yet, earlier due
   * months of the look-back first (their late lines belong to it); answers whether it made one. The
   * owner's account row is held until this commits, so that one closing at a time, on any instance
   * (the hourly job runs on each, and opening a due month closes it too), makes the owner's bills;
   * the next finds them made.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean closeIfDue(long ownerId, YearMonth month) {
    Instant now = clock.instant();
    if (!calendar.isDue(month, now)) {
      return false;
    }
    em.find(BillingAccount.class, ownerId, LockModeType.PESSIMISTIC_WRITE);
    if (finalBills.exists(ownerId, month)) {
      return false;
    }
    for (int back = BillLines.LOOKBACK_MONTHS; back >= 1; back--) {
      YearMonth earlier = month.minusMonths(back);
      if (!finalBills.exists(ownerId, earlier)
          && finalBills.hasUsage(ownerId, earlier)
          && !close(ownerId, earlier, now)) {
        context.setRollbackOnly();
        return false;
      }
    }
    if (!close(ownerId, month, now)) {
      context.setRollbackOnly();
      return false;
    }
    return true;
  }

  /**
   * Makes the bill final, unless a line has no price: then nothing is stored, the operators are
   * told in the log (a configuration to mend), and the bill stays in progress (never 0.00).
   */
  private boolean close(long ownerId, YearMonth month, Instant now) {
    Bill bill = Bill.of(month, billLines.of(ownerId, month), calendar.closesAt(month), now);
    if (!bill.unpriced().isEmpty()) {
      BillLine first = bill.unpriced().get(0);
      LOG.severe(
          () ->
              "The bill of "
                  + month
                  + " of account "
                  + ownerId
                  + " is not made final: billing item "
                  + first.billingItem()
                  + " has no price in "
                  + first.currency()
                  + " for "
                  + first.usageMonth()
                  + " ("
                  + bill.unpriced().size()
                  + " line(s) without a price). Set it in the billing items file; the bill stays in"
                  + " progress until then.");
      blocks.blocked(
          ownerId,
          month,
          first.billingItem(),
          first.currency().getCurrencyCode(),
          bill.unpriced().size());
      return false;
    }
    StringWriter csv = new StringWriter();
    BillCsv.write(bill, csv);
    finalBills.store(finalBills.nextId(), ownerId, month, now, bill.lines(), csv.toString());
    if (!bill.lines().isEmpty()) {
      notices.billReady(ownerId, month, bill.totals());
    }
    LOG.fine(() -> "The bill of " + month + " of account " + ownerId + " is final");
    return true;
  }

  private BillClosing self() {
    return context.getBusinessObject(BillClosing.class);
  }
}
