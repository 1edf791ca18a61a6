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
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.site.control.Sites;
import com.billingcenter.site.entity.Site;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
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

  @Inject BillingItems items;
  @Inject Sites sites;
  @Inject Workspaces workspaces;
  @Inject Clock clock;
  @Inject BillCalendar calendar;
  @Inject BillLines billLines;
  @Inject FinalBills finalBills;
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

  /** The owner's cost per day and currency over the last {@code days} days, today included. */
  public List<DailyCost> daily(BillingAccount owner, int days) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    LocalDate first = today.minusDays(days - 1L);
    // Usage written off costs nobody anything.
    String sql =
        "SELECT usage_day, site_code, billing_item, SUM(quantity) FROM usage_day"
            + " WHERE owner_id = ? AND usage_day >= ? AND usage_day <= ? AND kind <> 'WRITTEN_OFF'"
            + " GROUP BY usage_day, site_code, billing_item";
    Map<LocalDate, Map<Currency, BigDecimal>> costs = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, owner.id());
      select.setObject(2, first);
      select.setObject(3, today);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          LocalDate day = rows.getObject(1, LocalDate.class);
          Currency currency =
              sites.find(rows.getString(2)).map(Site::currency).orElse(Currency.getInstance("USD"));
          long quantity = rows.getLong(4);
          BigDecimal amount =
              items
                  .find(rows.getString(3))
                  .flatMap(i -> i.cost(quantity, currency))
                  .orElse(BigDecimal.ZERO);
          costs.computeIfAbsent(day, d -> new HashMap<>()).merge(currency, amount, BigDecimal::add);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the daily costs: " + e, e);
    }
    List<DailyCost> daily = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      Map<Currency, BigDecimal> ofDay = costs.getOrDefault(day, Map.of());
      for (Map.Entry<Currency, BigDecimal> cost : ofDay.entrySet()) {
        daily.add(new DailyCost(day, cost.getKey(), cost.getValue()));
      }
    }
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
    if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_USAGE_RANGE) > 0) {
      throw new RuleViolation(
          "usage.range", "The range must start before it ends and span at most 31 days.");
    }
    String sql =
        "SELECT u.usage_hour, u.billing_item, SUM(u.quantity), p.settlement_method,"
            + " p.cloud_account_id"
            + SettledUsage.FROM
            + " AND u.workspace_id = ? AND u.usage_hour >= ? AND u.usage_hour < ?"
            + " GROUP BY u.usage_hour, u.billing_item, p.settlement_method, p.cloud_account_id"
            + " ORDER BY u.usage_hour, u.billing_item";
    List<HourlyUsage> usage = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, workspace.id());
      select.setObject(2, UtcTimes.local(from));
      select.setObject(3, UtcTimes.local(to));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          usage.add(
              new HourlyUsage(
                  UtcTimes.read(rows, 1),
                  rows.getString(2),
                  rows.getLong(3),
                  rows.getString(4),
                  rows.getObject(5) == null ? null : rows.getLong(5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the usage of workspace " + workspaceId, e);
    }
    return usage;
  }
}
