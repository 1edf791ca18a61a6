package com.billingcenter.bill.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.control.Bill;
import com.billingcenter.bill.control.BillCalendar;
import com.billingcenter.bill.control.BillClosing;
import com.billingcenter.bill.control.BillCsv;
import com.billingcenter.bill.control.BillLines;
import com.billingcenter.bill.control.FinalBills;
import com.billingcenter.metering.control.SettledUsage;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a customer's workspaces cost: the month's {@link Bill} per workspace and billing item,
 * grouped by the settlement method that paid for each hour, in progress or final ({@link
 * BillClosing}); the daily cost of the last days; a workspace's hourly usage. Money is {@link
 * BigDecimal} in each site's currency, rounded per line to the currency's minor unit. Months and
 * days are UTC. Bills and daily costs read the daily roll-up intake keeps ({@code usage_day}),
 * never the hourly rows.
 */
@Stateless
public class Bills {

  /** The longest range of a workspace's usage in one request. */
  public static final Duration MAX_USAGE_RANGE = Duration.ofDays(31);

  /** One day's cost in one currency. */
  public record DailyCost(LocalDate day, Currency currency, BigDecimal amount) {}

  /** One hour of one billing item of a workspace, and who paid for it. */
  public record HourlyUsage(
      Instant hour,
      String billingItem,
      long quantity,
      String settlementMethod,
      Long cloudAccountId) {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Workspaces workspaces;
  @Inject Clock clock;
  @Inject BillCalendar calendar;
  @Inject BillLines billLines;
  @Inject FinalBills finalBills;
  @Inject ConsumptionDetails consumption;
  @Inject BillClosing closing;

  /**
   * The owner's bill of {@code month}: as it was made when it is final; made final now when its
   * close day has passed; else as it stands, from the daily roll-up kept at intake, with the late
   * lines of earlier months.
   */
  public Bill month(BillingAccount owner, YearMonth month) {
    Instant closesAt = calendar.closesAt(month);
    Optional<FinalBills.Stored> stored =
        closedIfDue(owner, month) ? finalBills.find(owner.id(), month) : Optional.empty();
    if (stored.isPresent()) {
      return Bill.asIssued(month, stored.get().lines(), closesAt, stored.get().finalizedAt());
    }
    return Bill.of(month, billLines.of(owner.id(), month), closesAt, null);
  }

  /** The bill's CSV: as it was issued when the bill is final, the same every time. */
  public String csv(BillingAccount owner, YearMonth month) {
    if (closedIfDue(owner, month)) {
      return finalBills.csv(owner.id(), month).orElseThrow();
    }
    java.io.StringWriter csv = new java.io.StringWriter();
    BillCsv.write(month(owner, month), csv);
    return csv.toString();
  }

  /**
   * Whether the owner's bill of {@code month} is final, making it so first when its close day has
   * passed. Another instance (or request) making it final at the same moment wins: its bill stands.
   */
  private boolean closedIfDue(BillingAccount owner, YearMonth month) {
    if (!calendar.isDue(month, clock.instant())) {
      return false;
    }
    if (finalBills.exists(owner.id(), month)) {
      return true;
    }
    try {
      closing.closeIfDue(owner.id(), month);
    } catch (jakarta.ejb.EJBException madeElsewhere) {
      java.util.logging.Logger.getLogger(Bills.class.getName())
          .fine(() -> "The bill of " + month + " was made final elsewhere: " + madeElsewhere);
    }
    return finalBills.exists(owner.id(), month);
  }

  /**
   * The owner's cost per day and currency over the last {@code days} days (at most {@link
   * ConsumptionDetails#MAX_DAYS}), today included: the consumption details' rows of each day added
   * up by currency.
   */
  public List<DailyCost> daily(BillingAccount owner, int days) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    Map<LocalDate, Map<Currency, BigDecimal>> costs = new TreeMap<>();
    for (ConsumptionDetails.Row row :
        consumption.between(owner, today.minusDays(days - 1L), today, null)) {
      costs
          .computeIfAbsent(
              row.day(), d -> new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode)))
          .merge(row.currency(), row.amount(), BigDecimal::add);
    }
    List<DailyCost> daily = new ArrayList<>();
    costs.forEach(
        (day, ofDay) ->
            ofDay.forEach((currency, amount) -> daily.add(new DailyCost(day, currency, amount))));
    return daily;
  }

  /**
   * A workspace's usage per hour and billing item in {@code [from, to)}, oldest first, with the
   * method that paid for each hour.
   *
   * @throws RuleViolation {@code workspace.notFound} for another's or a missing workspace, {@code
   *     usage.range} for an empty range or one over 31 days
   */
  public List<HourlyUsage> usage(BillingAccount owner, long workspaceId, Instant from, Instant to) {
    Workspace workspace = workspaces.require(owner, workspaceId);
    RuleViolation.requireRange(from, to, MAX_USAGE_RANGE, "usage.range");
    String sql =
        "SELECT u.usage_hour, u.billing_item, SUM(u.quantity), p.settlement_method,"
            + " p.cloud_account_id"
            + SettledUsage.FROM
            + " AND u.workspace_id = ? AND u.usage_hour >= ? AND u.usage_hour < ?"
            + " GROUP BY u.usage_hour, u.billing_item, p.settlement_method, p.cloud_account_id"
            + " ORDER BY u.usage_hour, u.billing_item";
    return Sql.list(
        dataSource,
        "the usage of workspace " + workspaceId,
        sql,
        row ->
            new HourlyUsage(
                UtcTimes.read(row, 1),
                row.getString(2),
                row.getLong(3),
                row.getString(4),
                row.getObject(5) == null ? null : row.getLong(5)),
        workspace.id(),
        from,
        to);
  }
}
