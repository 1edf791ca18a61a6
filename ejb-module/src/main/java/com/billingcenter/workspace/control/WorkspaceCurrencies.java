package com.billingcenter.workspace.control;

import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.site.control.Sites;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The currency a workspace's usage is priced in: its site's, until the product's staff switches it
 * on the customer's request, from the next month on (a month is billed in one currency per
 * workspace). Only to a currency every billing item has a price in, so that no bill is blocked by
 * the switch. Audited in the customer's log with the staff's reason.
 */
@Stateless
public class WorkspaceCurrencies {

  /** The workspaces' currencies by month, read once for a bill or a report. */
  public static final class Switches {

    private final Sites sites;
    private final Map<Long, NavigableMap<YearMonth, Currency>> byWorkspace;

    Switches(Sites sites, Map<Long, NavigableMap<YearMonth, Currency>> byWorkspace) {
      this.sites = sites;
      this.byWorkspace = byWorkspace;
    }

    /**
     * The switches of {@code byWorkspace} (workspace → first month → currency), for a reader that
     * reads them with its own query (a bill reads them with its workspaces' names, in one round
     * trip); the map may be filled after, before the first {@link #of} asks.
     */
    public static Switches of(
        Sites sites, Map<Long, NavigableMap<YearMonth, Currency>> byWorkspace) {
      return new Switches(sites, byWorkspace);
    }

    /** The currency of the workspace's usage of {@code month}, on site {@code siteCode}. */
    public Currency of(long workspaceId, String siteCode, YearMonth month) {
      NavigableMap<YearMonth, Currency> switched = byWorkspace.get(workspaceId);
      Map.Entry<YearMonth, Currency> inForce = switched == null ? null : switched.floorEntry(month);
      return inForce == null ? sites.currencyOf(siteCode) : inForce.getValue();
    }
  }

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @PersistenceContext EntityManager em;
  @Inject Sites sites;
  @Inject BillingItems items;
  @Inject WorkspaceAudit audit;
  @Inject Clock clock;

  /** The switches of the owner's workspaces. */
  public Switches ofOwner(long ownerId) {
    record Row(long workspace, YearMonth from, Currency currency) {}
    Map<Long, NavigableMap<YearMonth, Currency>> byWorkspace = new HashMap<>();
    for (Row row :
        Sql.list(
            dataSource,
            "the workspaces' currencies",
            "SELECT c.workspace_id, c.from_month, c.currency FROM workspace_currency c"
                + " JOIN workspace w ON w.id = c.workspace_id WHERE w.owner_id = ?",
            r ->
                new Row(
                    r.getLong(1),
                    YearMonth.from(r.getObject(2, LocalDate.class)),
                    Currency.getInstance(r.getString(3))),
            ownerId)) {
      byWorkspace
          .computeIfAbsent(row.workspace(), w -> new TreeMap<>())
          .put(row.from(), row.currency());
    }
    return new Switches(sites, byWorkspace);
  }

  /**
   * Switches the workspace's currency to {@code code} from the next month on, {@code actor} being
   * the product's staff, who says why. Answers the month it applies from, or empty for no such
   * workspace.
   *
   * @throws RuleViolation {@code workspace.currency.unknown} for a code no billing item is priced
   *     in, {@code workspace.currency.unchanged} when the next month is in that currency already,
   *     {@code workspace.dissolved} for a dissolved workspace
   */
  public Optional<YearMonth> switchFromNextMonth(
      long workspaceId, String code, String actor, String reason) {
    Workspace workspace = em.find(Workspace.class, workspaceId, LockModeType.PESSIMISTIC_WRITE);
    if (workspace == null) {
      return Optional.empty();
    }
    if (workspace.status() == com.billingcenter.workspace.entity.WorkspaceStatus.DISSOLVED) {
      throw new RuleViolation("workspace.dissolved", "This workspace was dissolved.");
    }
    YearMonth next = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(1);
    Currency currency = priced(code, next.atDay(1));
    Switches switches = ofOwner(workspace.ownerId());
    Currency before = switches.of(workspaceId, workspace.siteCode(), next);
    if (before.equals(currency)) {
      throw new RuleViolation(
          "workspace.currency.unchanged", "The workspace is in " + currency + " then already.");
    }
    Sql.update(
        dataSource,
        "a workspace's currency switched",
        "DELETE FROM workspace_currency WHERE workspace_id = ? AND from_month >= ?",
        workspaceId,
        next.atDay(1));
    Sql.update(
        dataSource,
        "a workspace's currency switched",
        "INSERT INTO workspace_currency (workspace_id, from_month, currency, switched_at)"
            + " VALUES (?, ?, ?, ?)",
        workspaceId,
        next.atDay(1),
        currency.getCurrencyCode(),
        clock.instant());
    audit.changedByStaff(
        workspace,
        actor,
        "workspace.currencySwitched",
        "{\"currency\": \"" + before + "\"}",
        reason,
        Map.of("currency", currency.getCurrencyCode(), "from", next.toString()));
    return Optional.of(next);
  }

  /** The currencies a workspace may switch to next month: every billing item is priced in them. */
  public java.util.List<String> offered() {
    LocalDate day = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)).plusMonths(1).atDay(1);
    return Currency.getAvailableCurrencies().stream()
        .filter(
            c ->
                !items.all().isEmpty()
                    && items.all().stream().allMatch(i -> i.price(c, day).isPresent()))
        .map(Currency::getCurrencyCode)
        .sorted()
        .toList();
  }

  /** The currency of {@code code}, which every billing item has a price in on {@code day}. */
  private Currency priced(String code, LocalDate day) {
    Currency currency;
    try {
      currency =
          Currency.getInstance(code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      currency = null;
    }
    Currency known = currency;
    if (known == null
        || items.all().isEmpty()
        || !items.all().stream().allMatch(i -> i.price(known, day).isPresent())) {
      throw new RuleViolation(
          "workspace.currency.unknown",
          "Every billing item must have a price in the currency; " + code + " is not one.");
    }
    return known;
  }
}
