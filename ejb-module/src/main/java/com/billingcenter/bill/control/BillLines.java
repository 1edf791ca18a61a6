package com.billingcenter.bill.control;

import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.site.control.Sites;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.usage.entity.BillingItem;
import com.billingcenter.workspace.control.WorkspaceCurrencies;
import com.billingcenter.workspace.entity.SettlementPeriod;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The lines of a bill as they stand now: the month's own usage from the daily roll-up ({@code
 * usage_day}), and the usage of earlier months that are final already but came (or changed hands)
 * after their bills were made: what the roll-up holds for such a month beyond what its final bill
 * and later bills billed of it. Priced in each site's currency at the price in force on the days of
 * the usage: a month in which a price changes has a line for each price. A late line is priced at
 * the price in force on the last day of its month. A line whose item has no price in the currency
 * has none (null), never 0.00: such a bill is not made final ({@link BillClosing}).
 */
@ApplicationScoped
public class BillLines {

  /**
   * How many months back late usage is looked for. Usage is taken at most 30 days late, and a
   * lock's unsettled usage is resolved within its 14-day countdown, so a month changes for at most
   * about two months after it ends.
   */
  static final int LOOKBACK_MONTHS = 3;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject BillingItems items;
  @Inject Sites sites;
  @Inject FinalBills finalBills;

  /** What identifies a line, whatever its quantity. */
  private record Key(
      long workspaceId,
      String siteCode,
      String method,
      Long cloudAccountId,
      String item,
      SettlementPeriod.Kind kind) {

    /** The key of a row whose first six columns are a line's: workspace to kind. */
    static Key of(java.sql.ResultSet row) throws java.sql.SQLException {
      return new Key(
          row.getLong(1),
          row.getString(2),
          row.getString(3),
          row.getObject(4) == null ? null : row.getLong(4),
          row.getString(5),
          SettlementPeriod.Kind.valueOf(row.getString(6)));
    }
  }

  /** The lines of the bill of {@code month} as it stands: its own usage, then its late lines. */
  public List<BillLine> of(long ownerId, YearMonth month) {
    // The owner's agreements are read once for both.
    AgreementPrices agreements = AgreementPrices.ofOwner(dataSource, ownerId);
    // Filled with the workspaces' names, before any line is priced.
    Map<Long, NavigableMap<YearMonth, Currency>> switched = new HashMap<>();
    WorkspaceCurrencies.Switches currencies = WorkspaceCurrencies.Switches.of(sites, switched);
    List<BillLine> lines = new ArrayList<>(used(ownerId, month, agreements, currencies, switched));
    lines.addAll(late(ownerId, month, agreements, currencies, switched));
    return lines;
  }

  /**
   * The month's own usage, a line for each price where a price changes within the month, and the
   * units a contract included apart ({@link IncludedUnits}).
   */
  private List<BillLine> used(
      long ownerId,
      YearMonth month,
      AgreementPrices agreements,
      WorkspaceCurrencies.Switches currencies,
      Map<Long, NavigableMap<YearMonth, Currency>> switched) {
    LocalDate first = month.atDay(1);
    LocalDate end = month.plusMonths(1).atDay(1);
    List<LocalDate> cuts =
        java.util.stream.Stream.concat(
                items.all().stream().flatMap(i -> i.changesBetween(first, end).stream()),
                agreements.startsBetween(first, end).stream())
            .filter(day -> day.isAfter(first))
            .distinct()
            .sorted()
            .toList();
    Map<Key, Map<LocalDate, Long>> sums = priceSpans(ownerId, first, end, cuts);
    Map<Long, String> names = names(sums.keySet(), switched);
    List<BillLine> lines = new ArrayList<>();
    sums.forEach(
        (key, spans) ->
            spans.forEach(
                (from, quantity) ->
                    lines.add(priced(key, names, agreements, currencies, quantity, month, from))));
    return IncludedUnits.apply(
        lines,
        IncludedUnits.ofMonth(dataSource, ownerId, month, agreements.byAccount()),
        item -> items.find(item).map(BillingItem::awsDimension).orElse(null));
  }

  /**
   * The usage of {@code [first, end)} per line and price span: the span's first day (the month's,
   * or a day from which a price changes, {@code cuts}) to its quantity. The spans are counted in
   * the query, by literal dates (of the configuration, not of a request), so that the roll-up is
   * read once.
   */
  private Map<Key, Map<LocalDate, Long>> priceSpans(
      long ownerId, LocalDate first, LocalDate end, List<LocalDate> cuts) {
    String span =
        cuts.isEmpty()
            ? "0"
            : cuts.stream()
                .map(d -> "CASE WHEN usage_day >= DATE '" + d + "' THEN 1 ELSE 0 END")
                .collect(java.util.stream.Collectors.joining(" + ", "(", ")"));
    String sql =
        "SELECT workspace_id, site_code, settlement_method, cloud_account_id, billing_item, kind, "
            + span
            + ", SUM(quantity) FROM usage_day WHERE owner_id = ? AND usage_day >= ? AND usage_day"
            + " < ? GROUP BY workspace_id, site_code, settlement_method, cloud_account_id,"
            + " billing_item, kind"
            + (cuts.isEmpty() ? "" : ", " + span);
    record Spanned(Key key, int span, long quantity) {}
    Map<Key, Map<LocalDate, Long>> sums = new LinkedHashMap<>();
    for (Spanned sum :
        Sql.list(
            dataSource,
            "the usage of the bill",
            sql,
            row -> new Spanned(Key.of(row), row.getInt(7), row.getLong(8)),
            ownerId,
            first,
            end)) {
      sums.computeIfAbsent(sum.key(), k -> new java.util.TreeMap<>())
          .merge(sum.span() == 0 ? first : cuts.get(sum.span() - 1), sum.quantity(), Long::sum);
    }
    return sums;
  }

  /**
   * The late lines of the bill of {@code month}: for each earlier month (within the look-back)
   * whose bill is final, what its usage holds now beyond what was billed of it, per line; a usage
   * that changed hands (charged on unlock, written off) shows as a line less and a line more.
   */
  private List<BillLine> late(
      long ownerId,
      YearMonth month,
      AgreementPrices agreements,
      WorkspaceCurrencies.Switches currencies,
      Map<Long, NavigableMap<YearMonth, Currency>> switched) {
    List<BillLine> lines = new ArrayList<>();
    for (YearMonth earlier :
        finalBills.finalMonths(ownerId, month.minusMonths(LOOKBACK_MONTHS), month)) {
      Map<Key, Long> delta = new LinkedHashMap<>(usageOf(ownerId, earlier));
      billedOf(ownerId, earlier).forEach((key, billed) -> delta.merge(key, -billed, Long::sum));
      delta.values().removeIf(q -> q == 0);
      Map<Long, String> names = names(delta.keySet(), switched);
      delta.forEach(
          (key, quantity) ->
              lines.add(
                  priced(
                      key,
                      names,
                      agreements,
                      currencies,
                      quantity,
                      earlier,
                      earlier.atEndOfMonth())));
    }
    return lines;
  }

  private Map<Key, Long> usageOf(long ownerId, YearMonth month) {
    String sql =
        "SELECT workspace_id, site_code, settlement_method, cloud_account_id, billing_item, kind,"
            + " SUM(quantity) FROM usage_day WHERE owner_id = ? AND usage_day >= ? AND usage_day"
            + " < ? GROUP BY workspace_id, site_code, settlement_method, cloud_account_id,"
            + " billing_item, kind";
    return sums(sql, ownerId, month.atDay(1), month.plusMonths(1).atDay(1));
  }

  private Map<Key, Long> billedOf(long ownerId, YearMonth month) {
    String sql =
        "SELECT l.workspace_id, l.site_code, l.settlement_method, l.cloud_account_id,"
            + " l.billing_item, l.kind, SUM(l.quantity) FROM bill_line l JOIN bill b ON b.id ="
            + " l.bill_id WHERE b.owner_id = ? AND l.usage_month = ?"
            + " GROUP BY l.workspace_id, l.site_code, l.settlement_method, l.cloud_account_id,"
            + " l.billing_item, l.kind";
    return sums(sql, ownerId, month.atDay(1));
  }

  private Map<Key, Long> sums(String sql, Object... parameters) {
    record Sum(Key key, long quantity) {}
    Map<Key, Long> sums = new LinkedHashMap<>();
    for (Sum sum :
        Sql.list(
            dataSource,
            "the usage of the bill",
            sql,
            row -> new Sum(Key.of(row), row.getLong(7)),
            parameters)) {
      sums.merge(sum.key(), sum.quantity(), Long::sum);
    }
    return sums;
  }

  /**
   * The names of the lines' workspaces (dissolved ones too: they stay on the bills); their currency
   * switches ({@link WorkspaceCurrencies}) are put in {@code switched} by the same query.
   */
  private Map<Long, String> names(
      Collection<Key> keys, Map<Long, NavigableMap<YearMonth, Currency>> switched) {
    Map<Long, String> names = new HashMap<>();
    List<Long> ids = keys.stream().map(Key::workspaceId).distinct().toList();
    record Named(long id, String name, LocalDate from, String currency) {}
    for (int from = 0; from < ids.size(); from += 500) {
      List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      for (Named named :
          Sql.list(
              dataSource,
              "the workspaces of the bill",
              "SELECT w.id, w.name, c.from_month, c.currency FROM workspace w"
                  + " LEFT JOIN workspace_currency c ON c.workspace_id = w.id WHERE w.id IN ("
                  + Sql.placeholders(chunk.size())
                  + ")",
              row ->
                  new Named(
                      row.getLong(1),
                      row.getString(2),
                      row.getObject(3, LocalDate.class),
                      row.getString(4)),
              chunk)) {
        names.put(named.id(), named.name());
        if (named.from() != null) {
          switched
              .computeIfAbsent(named.id(), w -> new java.util.TreeMap<>())
              .put(YearMonth.from(named.from()), Currency.getInstance(named.currency()));
        }
      }
    }
    return names;
  }

  /**
   * Whether the line's usage is metered to its cloud account, so that AWS charges it at the
   * agreement's price: settled by it, or used while locked and charged to it on unlock.
   */
  private static boolean meteredToCloudAccount(Key key) {
    return key.cloudAccountId() != null
        && (key.kind() == SettlementPeriod.Kind.SETTLED
            || key.kind() == SettlementPeriod.Kind.WHILE_LOCKED);
  }

  /**
   * The line of {@code quantity}: at the rate of the AWS agreement in force on {@code priceDay}, in
   * the agreement's currency, when AWS charges it and the agreement prices its dimension; else at
   * the list price of the workspace's currency of the month (its site's, unless switched) on {@code
   * priceDay}, or no price (null) when none is set.
   */
  private BillLine priced(
      Key key,
      Map<Long, String> names,
      AgreementPrices agreements,
      WorkspaceCurrencies.Switches currencies,
      long quantity,
      YearMonth usageMonth,
      LocalDate priceDay) {
    Optional<BillingItem> item = items.find(key.item());
    Optional<AgreementPrices.Priced> byAgreement =
        meteredToCloudAccount(key)
            ? agreements.price(
                key.cloudAccountId(),
                priceDay,
                item.map(BillingItem::awsDimension).orElse(null),
                quantity)
            : Optional.empty();
    if (byAgreement.isPresent()) {
      AgreementPrices.Priced p = byAgreement.get();
      return line(key, names, quantity, p.unitPrice(), p.amount(), p.currency(), usageMonth)
          .withAgreement(p.agreementId());
    }
    Currency currency = currencies.of(key.workspaceId(), key.siteCode(), usageMonth);
    BigDecimal price = item.flatMap(i -> i.price(currency, priceDay)).orElse(null);
    BigDecimal amount = item.flatMap(i -> i.cost(quantity, currency, priceDay)).orElse(null);
    return line(key, names, quantity, price, amount, currency, usageMonth);
  }

  private static BillLine line(
      Key key,
      Map<Long, String> names,
      long quantity,
      BigDecimal price,
      BigDecimal amount,
      Currency currency,
      YearMonth usageMonth) {
    return new BillLine(
        key.workspaceId(),
        Objects.requireNonNullElse(names.get(key.workspaceId()), "#" + key.workspaceId()),
        key.siteCode(),
        key.method(),
        key.cloudAccountId(),
        key.item(),
        quantity,
        price,
        amount,
        currency,
        key.kind(),
        usageMonth,
        null,
        false);
  }
}
