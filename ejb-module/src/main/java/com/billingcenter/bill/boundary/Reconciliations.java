package com.billingcenter.bill.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.control.BillCalendar;
import com.billingcenter.bill.control.Reconciliation;
import com.billingcenter.bill.control.ReconciliationCsv;
import com.billingcenter.bill.control.ReconciliationStatements;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.platform.entity.RuleViolation;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.logging.Logger;

/**
 * A customer's reconciliation statement per AWS cloud account and month ({@link Reconciliation}):
 * in progress until the month's bills are final (the close day, {@link BillCalendar}), then issued
 * once and kept as issued, like the bills.
 */
@Stateless
public class Reconciliations {

  private static final Logger LOG = Logger.getLogger(Reconciliations.class.getName());

  @Inject CloudAccounts cloudAccounts;
  @Inject ReconciliationStatements statements;
  @Inject BillCalendar calendar;
  @Inject Clock clock;

  /**
   * The statement of {@code month}: as issued once the month is final (issuing it first when it was
   * not yet), else as it stands.
   *
   * @throws RuleViolation {@code cloudAccount.notFound} for another's or a missing account, {@code
   *     parameter.invalid} for a month before the account or after this one
   */
  public Reconciliation statement(BillingAccount owner, long cloudAccountId, YearMonth month) {
    CloudAccount account = require(owner, cloudAccountId, month);
    if (issuedIfDue(account, month)) {
      return statements.issued(account.id(), month).orElseThrow();
    }
    return statements.current(account.id(), month);
  }

  /** The statement's CSV: once the month is final, the same bytes at every download. */
  public String csv(BillingAccount owner, long cloudAccountId, YearMonth month) {
    CloudAccount account = require(owner, cloudAccountId, month);
    if (issuedIfDue(account, month)) {
      return statements.issuedCsv(account.id(), month).orElseThrow();
    }
    return ReconciliationCsv.write(statements.current(account.id(), month));
  }

  private CloudAccount require(BillingAccount owner, long cloudAccountId, YearMonth month) {
    CloudAccount account = cloudAccounts.require(owner, cloudAccountId);
    YearMonth first = YearMonth.from(account.createdAt().atZone(ZoneOffset.UTC));
    YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
    if (month.isBefore(first) || month.isAfter(now)) {
      throw new RuleViolation(
          "parameter.invalid",
          "month must be a month of this cloud account's life: from " + first + " to " + now + ".");
    }
    return account;
  }

  /** Whether the month's statement is issued, issuing it first when the month became final. */
  private boolean issuedIfDue(CloudAccount account, YearMonth month) {
    Instant now = clock.instant();
    if (!calendar.isDue(month, now)) {
      return false;
    }
    if (statements.issuedCsv(account.id(), month).isEmpty()) {
      try {
        statements.issue(account.id(), month, now);
      } catch (EJBException issuedElsewhere) {
        LOG.fine(
            () -> "The reconciliation of " + month + " was issued elsewhere: " + issuedElsewhere);
      }
    }
    return true;
  }
}
