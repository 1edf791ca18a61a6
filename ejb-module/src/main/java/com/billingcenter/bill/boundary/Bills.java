package com.billingcenter.bill.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.metering.control.SettledUsage;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.site.control.Sites;
import com.billingcenter.site.entity.Site;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.usage.entity.BillingItem;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.SettlementPeriod;
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
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a customer's workspaces cost: the month's bill per workspace and billing item, grouped by
 * the settlement method that paid for each hour; the daily cost of the last days; a workspace's
 * hourly usage. Money is {@link BigDecimal} in each site's currency, rounded per line to the
 * currency's minor unit. Months and days are UTC. Bills and daily costs read the daily roll-up
 * intake keeps ({@code usage_day}), never the hourly rows.
 */
@Stateless
public class Bills {

  /** The longest range of a workspace's usage in one request. */
  public static final Duration MAX_USAGE_RANGE = Duration.ofDays(31);

  /** The group of usage of a locked workspace charged to nobody (see {@link #group}). */
  public static final String WRITTEN_OFF = "written-off";

  /**
   * One workspace's use of one billing item in the month, under one settlement method; {@code kind}
   * tells usage the method paid as usual from usage of a locked workspace (unsettled, charged on
   * unlock, written off).
   */
  public record Line(
      long workspaceId,
      String workspaceName,
      String siteCode,
      String settlementMethod,
      Long cloudAccountId,
      String billingItem,
      long quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      Currency currency,
      SettlementPeriod.Kind kind) {

    /** The kind as the CSV and the API name it: settled, unsettled, while_locked, written_off. */
    public String charge() {
      return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A month's bill: its lines, and the totals per settlement method and currency. */
  public record Bill(
      YearMonth month, List<Line> lines, Map<String, Map<Currency, BigDecimal>> totals) {}

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

  /** The owner's bill of {@code month}, from the daily roll-up kept at intake. */
  public Bill month(BillingAccount owner, YearMonth month) {
    // Summed first, then named: the names do not widen the grouping.
    String sql =
        "SELECT d.workspace_id, w.name, d.site_code, d.settlement_method, d.cloud_account_id,"
            + " d.billing_item, d.kind, d.quantity FROM (SELECT workspace_id, site_code,"
            + " settlement_method, cloud_account_id, billing_item, kind, SUM(quantity) AS quantity"
            + " FROM usage_day WHERE owner_id = ? AND usage_day >= ? AND usage_day < ?"
            + " GROUP BY workspace_id, site_code, settlement_method, cloud_account_id,"
            + " billing_item, kind) d JOIN workspace w ON w.id = d.workspace_id";
    List<Line> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, owner.id());
      select.setObject(2, month.atDay(1));
      select.setObject(3, month.plusMonths(1).atDay(1));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          Long cloudAccountId = rows.getObject(5) == null ? null : rows.getLong(5);
          lines.add(
              priced(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getString(3),
                  rows.getString(4),
                  cloudAccountId,
                  rows.getString(6),
                  SettlementPeriod.Kind.valueOf(rows.getString(7)),
                  rows.getLong(8)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the bill of " + month + ": " + e, e);
    }
    lines.sort(
        Comparator.comparing(Line::settlementMethod)
            .thenComparing(l -> l.cloudAccountId() == null ? 0 : l.cloudAccountId())
            .thenComparing(Line::workspaceName)
            .thenComparing(Line::workspaceId)
            .thenComparing(Line::billingItem)
            .thenComparing(Line::kind));
    Map<String, Map<Currency, BigDecimal>> totals = new LinkedHashMap<>();
    for (Line line : lines) {
      totals
          .computeIfAbsent(group(line), g -> new LinkedHashMap<>())
          .merge(line.currency(), line.amount(), BigDecimal::add);
    }
    return new Bill(month, List.copyOf(lines), totals);
  }

  /**
   * The name of a line's group: the method, and the cloud account for a cloud method; usage written
   * off is a group of its own ({@value #WRITTEN_OFF}), and unsettled usage is method {@code none}.
   */
  public static String group(Line line) {
    if (line.kind() == SettlementPeriod.Kind.WRITTEN_OFF) {
      return WRITTEN_OFF;
    }
    return line.cloudAccountId() == null
        ? line.settlementMethod()
        : line.settlementMethod() + ":" + line.cloudAccountId();
  }

  private Line priced(
      long workspaceId,
      String name,
      String siteCode,
      String method,
      Long cloudAccountId,
      String itemCode,
      SettlementPeriod.Kind kind,
      long quantity) {
    Currency currency =
        sites.find(siteCode).map(Site::currency).orElse(Currency.getInstance("USD"));
    BillingItem item = items.find(itemCode).orElse(null);
    BigDecimal price =
        item == null ? BigDecimal.ZERO : item.price(currency).orElse(BigDecimal.ZERO);
    BigDecimal amount =
        item == null ? BigDecimal.ZERO : item.cost(quantity, currency).orElse(BigDecimal.ZERO);
    return new Line(
        workspaceId,
        name,
        siteCode,
        method,
        cloudAccountId,
        itemCode,
        quantity,
        price,
        amount,
        currency,
        kind);
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
      select.setObject(2, utc(from));
      select.setObject(3, utc(to));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          usage.add(
              new HourlyUsage(
                  rows.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC),
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

  private static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
