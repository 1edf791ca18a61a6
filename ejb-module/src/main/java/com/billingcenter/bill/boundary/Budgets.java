package com.billingcenter.bill.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Role;
import com.billingcenter.audit.control.Audit;
import com.billingcenter.notice.control.Notices;
import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.workspace.boundary.Workspaces;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Budgets and spend alerts: a customer sets a daily or monthly amount in one currency for the whole
 * account, a workspace or a billing item; when the cost so far in the period (UTC day or month, at
 * list prices in that currency: the consumption details' figures) reaches 80 % of it, and again
 * when it passes it, the owner gets a notice (mailed), once per period and level; both levels
 * reached at once make one notice, the higher. Checked when a budget is set and every 10 minutes.
 */
@Stateless
public class Budgets {

  private static final Logger LOG = Logger.getLogger(Budgets.class.getName());

  /** A warning level, in percent of the amount. */
  public static final int NEAR = 80;

  /** The amount is passed. */
  public static final int PASSED = 100;

  /** The most budgets one account keeps. */
  static final int MAX_PER_ACCOUNT = 50;

  /** A budget: over the account (no workspace, no item), a workspace, or a billing item. */
  public record Budget(
      long id,
      Long workspaceId,
      String billingItem,
      String period,
      BigDecimal amount,
      Currency currency,
      Set<Role> recipients)
      implements java.io.Serializable {}

  /** Who is told unless a budget says otherwise: the owners and the finance members. */
  public static final Set<Role> NOTIFY_BY_DEFAULT = Set.of(Role.OWNER, Role.FINANCE);

  /** A budget with the cost so far in its current period, and the share of it (percent). */
  public record Standing(Budget budget, BigDecimal spent, int percent)
      implements java.io.Serializable {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @PersistenceContext EntityManager em;
  @Inject ConsumptionDetails consumption;
  @Inject Workspaces workspaces;
  @Inject BillingItems items;
  @Inject Notices notices;
  @Inject Audit audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.reminders.enabled", defaultValue = "true")
  boolean enabled;

  /**
   * Sets a budget and checks it at once.
   *
   * @throws RuleViolation {@code budget.period} for a period not {@code day} or {@code month},
   *     {@code budget.amount} for an amount not above 0 (at most 12 digits, 2 decimals), {@code
   *     budget.currency} for a currency no billing item is priced in, {@code budget.item} for an
   *     unknown billing item, {@code budget.both} for a workspace and an item at once, {@code
   *     budget.tooMany} past {@value #MAX_PER_ACCOUNT}, {@code workspace.notFound} for a workspace
   *     not the owner's
   */
  public Budget create(
      BillingAccount owner,
      Long workspaceId,
      String billingItem,
      String period,
      BigDecimal amount,
      String currency,
      Collection<String> notify) {
    Set<Role> told = roles(notify);
    String per = period == null ? "" : period.strip().toLowerCase(Locale.ROOT);
    if (!per.equals("day") && !per.equals("month")) {
      throw new RuleViolation("budget.period", "A budget is per day or per month.");
    }
    if (amount == null
        || amount.signum() <= 0
        || amount.scale() > 2
        || amount.precision() - amount.scale() > 12) {
      throw new RuleViolation(
          "budget.amount", "The amount is above 0, with at most 12 digits and 2 decimals.");
    }
    Currency money = currency(currency);
    if (workspaceId != null && billingItem != null) {
      throw new RuleViolation("budget.both", "A budget is for a workspace or a billing item.");
    }
    if (workspaceId != null) {
      workspaces.require(owner, workspaceId);
    }
    if (billingItem != null && items.find(billingItem).isEmpty()) {
      throw new RuleViolation("budget.item", "No such billing item.");
    }
    if (list(owner).size() >= MAX_PER_ACCOUNT) {
      throw new RuleViolation("budget.tooMany", "An account keeps at most 50 budgets.");
    }
    long id = Databases.nextValue(dataSource, "budget_seq");
    Sql.update(
        dataSource,
        "set a budget",
        "INSERT INTO budget (id, account_id, workspace_id, billing_item, period, amount, currency,"
            + " created_at, notify) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        owner.id(),
        workspaceId,
        billingItem,
        per,
        amount,
        money.getCurrencyCode(),
        clock.instant(),
        codes(told));
    Budget budget = new Budget(id, workspaceId, billingItem, per, amount, money, told);
    audit.record(owner.id(), owner.username(), "budget.set", "budget", id, null, describe(budget));
    check(owner);
    return budget;
  }

  /** Removes one of the owner's budgets; answers whether there was one. */
  public boolean delete(BillingAccount owner, long id) {
    Budget budget = list(owner).stream().filter(b -> b.id() == id).findFirst().orElse(null);
    if (budget == null) {
      return false;
    }
    Sql.update(
        dataSource,
        "remove a budget",
        "DELETE FROM budget WHERE id = ? AND account_id = ?",
        id,
        owner.id());
    audit.record(
        owner.id(), owner.username(), "budget.removed", "budget", id, describe(budget), null);
    return true;
  }

  /** The owner's budgets, in the order they were set. */
  public List<Budget> list(BillingAccount owner) {
    return Sql.list(
        dataSource,
        "the budgets",
        "SELECT id, workspace_id, billing_item, period, amount, currency, notify FROM budget"
            + " WHERE account_id = ? ORDER BY id",
        r ->
            new Budget(
                r.getLong(1),
                (Long) r.getObject(2, Long.class),
                r.getString(3),
                r.getString(4),
                r.getBigDecimal(5).stripTrailingZeros(),
                Currency.getInstance(r.getString(6)),
                roles(Arrays.asList(r.getString(7).split(",")))),
        owner.id());
  }

  /** The owner's budgets with the cost so far in their current periods. */
  public List<Standing> standings(BillingAccount owner) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    List<Standing> standings = new ArrayList<>();
    for (Budget budget : list(owner)) {
      BigDecimal spent = spent(owner, budget, today);
      int percent =
          spent
              .multiply(BigDecimal.valueOf(100))
              .divide(budget.amount(), 0, RoundingMode.DOWN)
              .intValue();
      standings.add(new Standing(budget, spent, percent));
    }
    return standings;
  }

  @Schedule(hour = "*", minute = "*/10", persistent = false)
  void everyTenMinutes() {
    if (!enabled) {
      return;
    }
    int told = checkAll();
    if (told > 0) {
      LOG.info(() -> told + " budget alert(s) sent.");
    }
  }

  /** Checks every account's budgets; answers how many alerts were sent. */
  public int checkAll() {
    int told = 0;
    for (long ownerId :
        Sql.list(
            dataSource,
            "the accounts with budgets",
            "SELECT DISTINCT account_id FROM budget ORDER BY account_id",
            r -> r.getLong(1))) {
      BillingAccount owner = em.find(BillingAccount.class, ownerId);
      if (owner != null) {
        told += check(owner);
      }
    }
    return told;
  }

  /**
   * Checks the owner's budgets: a level reached that was not told of in this period is told of (the
   * budget's row is changed first, only if it was not told already: so once, whoever checks).
   * Answers how many alerts were sent.
   */
  public int check(BillingAccount owner) {
    LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    int told = 0;
    for (Standing standing : standings(owner)) {
      int level = standing.percent() >= PASSED ? PASSED : standing.percent() >= NEAR ? NEAR : 0;
      if (level == 0) {
        continue;
      }
      Budget budget = standing.budget();
      LocalDate period = budget.period().equals("day") ? today : today.withDayOfMonth(1);
      int changed =
          Sql.update(
              dataSource,
              "a budget's alert",
              "UPDATE budget SET alerted_period = ?, alerted_level = ? WHERE id = ?"
                  + " AND (alerted_period IS NULL OR alerted_period <> ? OR alerted_level < ?)",
              period,
              level,
              budget.id(),
              period,
              level);
      if (changed == 1) {
        notices.budgetAlert(
            owner.id(),
            level >= PASSED,
            scopeOf(budget),
            budget.period(),
            budget.amount().setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                + " "
                + budget.currency().getCurrencyCode(),
            standing.spent().toPlainString() + " " + budget.currency().getCurrencyCode(),
            budget.recipients());
        told++;
      }
    }
    return told;
  }

  /**
   * The roles a budget's alerts are mailed to, from their codes ({@code owner}, {@code finance});
   * {@link #NOTIFY_BY_DEFAULT} for none.
   *
   * @throws RuleViolation {@code member.role} for a code that is no role
   */
  static Set<Role> roles(Collection<String> codes) {
    if (codes == null || codes.stream().allMatch(c -> c == null || c.isBlank())) {
      return NOTIFY_BY_DEFAULT;
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    codes.stream().filter(c -> c != null && !c.isBlank()).map(Role::parse).forEach(roles::add);
    return Collections.unmodifiableSet(roles);
  }

  private static String codes(Set<Role> roles) {
    return roles.stream().sorted().map(Role::code).collect(Collectors.joining(","));
  }

  /** What the budget is over, as a notice names it: the account, a workspace's name, an item. */
  private String scopeOf(Budget budget) {
    if (budget.workspaceId() != null) {
      return Sql.first(
              dataSource,
              "a budget's workspace",
              "SELECT name FROM workspace WHERE id = ?",
              r -> "“" + r.getString(1) + "”",
              budget.workspaceId())
          .orElse("#" + budget.workspaceId());
    }
    return budget.billingItem() == null ? "*" : budget.billingItem();
  }

  /** The cost so far of the budget's current period, in its currency. */
  private BigDecimal spent(BillingAccount owner, Budget budget, LocalDate today) {
    LocalDate from = budget.period().equals("day") ? today : today.withDayOfMonth(1);
    return consumption.between(owner, from, today, budget.workspaceId()).stream()
        .filter(row -> row.currency().equals(budget.currency()))
        .filter(
            row -> budget.billingItem() == null || budget.billingItem().equals(row.billingItem()))
        .map(ConsumptionDetails.Row::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private Currency currency(String code) {
    try {
      Currency money =
          Currency.getInstance(code == null ? "" : code.strip().toUpperCase(Locale.ROOT));
      LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
      if (items.all().stream().anyMatch(i -> i.price(money, today).isPresent())) {
        return money;
      }
    } catch (IllegalArgumentException unknown) {
      // answered below
    }
    throw new RuleViolation("budget.currency", "No billing item is priced in that currency.");
  }

  private static String describe(Budget budget) {
    var json =
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("period", budget.period())
            .add("amount", budget.amount().toPlainString())
            .add("currency", budget.currency().getCurrencyCode())
            .add("notify", codes(budget.recipients()));
    if (budget.workspaceId() != null) {
      json.add("workspaceId", budget.workspaceId());
    }
    if (budget.billingItem() != null) {
      json.add("billingItem", budget.billingItem());
    }
    return json.build().toString();
  }
}
