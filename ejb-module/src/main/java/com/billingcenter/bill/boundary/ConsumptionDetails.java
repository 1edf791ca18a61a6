package com.billingcenter.bill.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.control.WorkspaceCurrencies;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Consumption details: what the owner's workspaces (or one of them) used and cost per UTC day and
 * billing item over a chosen period of up to 366 days, from the daily roll-up, priced in each
 * workspace's currency of the month (its site's unless the product's staff switched it; a day's
 * amount is rounded per site and currency, so the days of a month may differ from its bill by a
 * minor unit). Usage written off costs nobody anything and is left out, as in the daily costs.
 */
@Stateless
public class ConsumptionDetails {

  /** The longest period, in days. */
  public static final int MAX_DAYS = 366;

  /** One day's use of one billing item, in one currency. */
  public record Row(
      LocalDate day, String billingItem, long quantity, BigDecimal amount, Currency currency) {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject BillingItems items;
  @Inject WorkspaceCurrencies workspaceCurrencies;
  @Inject Workspaces workspaces;

  /**
   * The rows of {@code [from, to]} (days included), oldest first.
   *
   * @throws RuleViolation {@code consumption.range} for a period that ends before it starts or is
   *     longer than 366 days; {@code workspace.notFound} for a workspace that is not the owner's
   */
  public List<Row> between(BillingAccount owner, LocalDate from, LocalDate to, Long workspaceId) {
    if (from == null
        || to == null
        || to.isBefore(from)
        || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      throw new RuleViolation(
          "consumption.range",
          "The period must end on or after its first day and span at most " + MAX_DAYS + " days.");
    }
    if (workspaceId != null) {
      workspaces.require(owner, workspaceId);
    }
    String sql =
        "SELECT usage_day, billing_item, site_code, SUM(quantity), workspace_id FROM usage_day"
            + " WHERE owner_id = ? AND usage_day >= ? AND usage_day <= ? AND kind <> 'WRITTEN_OFF'"
            + (workspaceId == null ? "" : " AND workspace_id = ?")
            + " GROUP BY usage_day, billing_item, site_code, workspace_id";
    record Key(LocalDate day, String item, String currency) {}
    Map<Key, long[]> quantities =
        new TreeMap<>(
            Comparator.comparing(Key::day).thenComparing(Key::item).thenComparing(Key::currency));
    Map<Key, BigDecimal> amounts = new java.util.HashMap<>();
    record Sum(LocalDate day, String item, String site, long quantity, long workspace) {}
    record SiteKey(Key key, String site) {}
    Map<SiteKey, Long> perSite = new java.util.HashMap<>();
    WorkspaceCurrencies.Switches currencies = workspaceCurrencies.ofOwner(owner.id());
    List<Object> parameters = new ArrayList<>(List.of(owner.id(), from, to));
    if (workspaceId != null) {
      parameters.add(workspaceId);
    }
    for (Sum sum :
        Sql.list(
            dataSource,
            "the consumption details",
            sql,
            row ->
                new Sum(
                    row.getObject(1, LocalDate.class),
                    row.getString(2),
                    row.getString(3),
                    row.getLong(4),
                    row.getLong(5)),
            parameters)) {
      Currency currency = currencies.of(sum.workspace(), sum.site(), YearMonth.from(sum.day()));
      Key key = new Key(sum.day(), sum.item(), currency.getCurrencyCode());
      quantities.computeIfAbsent(key, k -> new long[1])[0] += sum.quantity();
      perSite.merge(new SiteKey(key, sum.site()), sum.quantity(), Long::sum);
    }
    // At the day's price, rounded per site and currency; an item without a price in the currency
    // counts nothing here (its bill says "no price" and is not made final).
    perSite.forEach(
        (site, quantity) ->
            amounts.merge(
                site.key(),
                items
                    .cost(
                        site.key().item(),
                        quantity,
                        Currency.getInstance(site.key().currency()),
                        site.key().day())
                    .orElse(BigDecimal.ZERO),
                BigDecimal::add));
    List<Row> details = new ArrayList<>();
    quantities.forEach(
        (key, quantity) ->
            details.add(
                new Row(
                    key.day(),
                    key.item(),
                    quantity[0],
                    amounts.get(key),
                    Currency.getInstance(key.currency()))));
    return details;
  }

  /**
   * The rows as CSV (RFC 4180, a header row): day, billing item, quantity, unit, amount, currency.
   */
  public void csv(List<Row> rows, Writer out) {
    try (CSVPrinter csv =
        CSVFormat.RFC4180
            .builder()
            .setHeader("day", "billing_item", "quantity", "unit", "amount", "currency")
            .get()
            .print(out)) {
      for (Row row : rows) {
        csv.printRecord(
            row.day().toString(),
            row.billingItem(),
            Long.toString(row.quantity()),
            items.find(row.billingItem()).map(i -> i.unit("en")).orElse(""),
            row.amount().toPlainString(),
            row.currency().getCurrencyCode());
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
