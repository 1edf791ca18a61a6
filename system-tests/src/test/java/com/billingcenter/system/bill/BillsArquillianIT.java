package com.billingcenter.system.bill;

import static com.billingcenter.system.support.SettledCustomers.summary;
import static com.billingcenter.system.support.SettledCustomers.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.bill.control.Bill;
import com.billingcenter.bill.control.BillClosing;
import com.billingcenter.bill.control.BillLine;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.metering.control.SettledUsage;
import com.billingcenter.notice.boundary.NoticeBoard;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.site.control.Sites;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SecurityPromise;
import com.billingcenter.system.support.SettledCustomers;
import com.billingcenter.system.support.SettledCustomers.Settled;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.usage.entity.ReportedUsage;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.control.WorkspaceLocks;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Bills inside Payara Micro on the real database, with a clock the test moves: the roll-up they
 * read equals the raw usage whatever comes late or locked, and a month's bill is final from its
 * close day with later usage of it billed once, in the next month.
 */
@SecurityPromise
class BillsArquillianIT extends ContainerTest {

  private static final String PASSWORD = SettledCustomers.PASSWORD;

  @Inject Accounts accounts;
  @Inject SettledCustomers customers;
  @Inject Workspaces workspaces;
  @Inject WorkspaceLocks countdown;
  @Inject NoticeBoard notices;
  @Inject UsageIntake usage;
  @Inject Bills bills;
  @Inject BillingItems items;
  @Inject Sites sites;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject BillClosing closing;

  /**
   * Issue "nothing lost": bills read a roll-up kept at intake, and it must always equal the sum of
   * the raw hourly rows under the rule of who pays for an hour. Random usage of three workspaces on
   * two sites over two days, with late records, a lock of two of them, an unlock of one (its
   * unsettled usage charged to the new method) and the other's full lock (charged to the owner's
   * Billing Center account); then the bill's lines and the daily costs are compared with sums over
   * the raw rows.
   */
  @Test
  void theBillsRollUpEqualsTheRawRowsWhateverComesLateOrLocked() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Instant start = Instant.parse("2026-09-10T00:00:00Z");
    clock.set(start.plus(Duration.ofMinutes(5)));
    Settled settled = customers.settledWorkspace("rnd-", "Random US", "en");
    BillingAccount owner = settled.owner();
    Workspace us = settled.workspace();
    Workspace direct = workspaces.create(owner, "Random direct", "us1", "en", Plan.COMMERCIAL);
    Workspace eu = workspaces.create(owner, "Random EU", "eu1", "zh", Plan.COMMERCIAL);
    workspaces.changeSettlement(
        owner, eu.id(), "aws", workspaces.require(owner, us.id()).settlement().cloudAccountId());
    List<String> itemCodes = items.all().stream().map(i -> i.code()).sorted().toList();
    Instant lockedAt = null;
    for (int step = 0; step < 48; step++) {
      Instant hour = start.plus(Duration.ofHours(step));
      clock.set(hour.plus(Duration.ofMinutes(5 + random.nextInt(40))));
      if (step == 8) {
        lockedAt = clock.instant();
        assertEquals(
            2,
            customers
                .receive(settled.license(), SubscriptionChange.ENDED, lockedAt)
                .lockedWorkspaces());
      }
      if (step == 20) {
        workspaces.changeSettlement(owner, us.id(), "billing-center", null);
      }
      List<ReportedUsage> usOne = new ArrayList<>();
      List<ReportedUsage> euOne = new ArrayList<>();
      for (Workspace w : List.of(us, direct, eu)) {
        List<ReportedUsage> batch = w == eu ? euOne : usOne;
        for (String item : itemCodes) {
          if (random.nextInt(10) < 7) {
            batch.add(used(w.id(), item, hour, random.nextInt(50)));
          }
          if (step > 0 && random.nextInt(10) < 3) {
            Instant late = hour.minus(Duration.ofHours(1 + random.nextInt(Math.min(step, 40))));
            batch.add(used(w.id(), item, late, random.nextInt(50)));
          }
        }
      }
      usage.receive("us1", usOne, Map.of());
      usage.receive("eu1", euOne, Map.of());
    }
    // The EU workspace's countdown ends: what it used while locked is charged to the owner. Usage
    // of the
    // US workspaces still comes late afterwards.
    clock.set(lockedAt.plus(Workspace.LOCK_COUNTDOWN).plusSeconds(1));
    countdown.fullyLockOverdue();
    assertEquals(WorkspaceStatus.FULLY_LOCKED, workspaces.require(owner, eu.id()).status());
    List<ReportedUsage> later = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Workspace w = random.nextBoolean() ? us : direct;
      later.add(
          used(
              w.id(),
              itemCodes.get(random.nextInt(itemCodes.size())),
              start.plus(Duration.ofHours(random.nextInt(48))),
              random.nextInt(50)));
    }
    usage.receive("us1", later, Map.of());

    YearMonth month = YearMonth.of(2026, 9);
    Map<String, Long> billed = new TreeMap<>();
    for (BillLine line : bills.month(owner, month).lines()) {
      billed.merge(
          line.workspaceId()
              + " "
              + line.settlementMethod()
              + " "
              + line.cloudAccountId()
              + " "
              + line.billingItem()
              + " "
              + line.kind(),
          line.quantity(),
          Long::sum);
    }
    Map<String, Long> raw = new TreeMap<>();
    Map<List<String>, Long> dailyQuantities = new java.util.HashMap<>();
    Map<LocalDate, Map<String, BigDecimal>> rawDaily = new TreeMap<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT u.workspace_id, p.settlement_method, p.cloud_account_id, u.billing_item,"
                    + " p.kind, CAST(u.usage_hour AS DATE), w.site_code, SUM(u.quantity)"
                    + SettledUsage.FROM_WITH_WORKSPACE
                    + " AND w.owner_id = ?"
                    + " GROUP BY u.workspace_id, p.settlement_method, p.cloud_account_id,"
                    + " u.billing_item, p.kind, CAST(u.usage_hour AS DATE), w.site_code")) {
      select.setLong(1, owner.id());
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long quantity = rows.getLong(8);
          raw.merge(
              rows.getLong(1)
                  + " "
                  + rows.getString(2)
                  + " "
                  + (rows.getObject(3) == null ? null : rows.getLong(3))
                  + " "
                  + rows.getString(4)
                  + " "
                  + rows.getString(5),
              quantity,
              Long::sum);
          if (!rows.getString(5).equals("WRITTEN_OFF")) {
            // Costs are rounded per day, site and item, as the daily chart sums them.
            dailyQuantities.merge(
                List.of(
                    rows.getObject(6, LocalDate.class).toString(),
                    rows.getString(7),
                    rows.getString(4)),
                quantity,
                Long::sum);
          }
        }
      }
    }
    dailyQuantities.forEach(
        (key, quantity) -> {
          Currency currency = sites.find(key.get(1)).orElseThrow().currency();
          // At the day's price; an item without a price counts nothing in the daily costs.
          BigDecimal cost =
              items
                  .find(key.get(2))
                  .orElseThrow()
                  .cost(quantity, currency, LocalDate.parse(key.get(0)))
                  .orElse(BigDecimal.ZERO);
          rawDaily
              .computeIfAbsent(LocalDate.parse(key.get(0)), d -> new TreeMap<>())
              .merge(currency.getCurrencyCode(), cost, BigDecimal::add);
        });
    assertEquals(raw, billed, "seed " + seed);
    assertTrue(raw.keySet().stream().anyMatch(k -> k.endsWith("WHILE_LOCKED")), raw.toString());
    assertTrue(
        raw.keySet().stream()
            .anyMatch(k -> k.contains(" billing-center null ") && k.endsWith(" CHARGED_TO_OWNER")),
        raw.toString());
    Map<LocalDate, Map<String, BigDecimal>> daily = new TreeMap<>();
    for (Bills.DailyCost cost : bills.daily(owner, 30)) {
      daily
          .computeIfAbsent(cost.day(), d -> new TreeMap<>())
          .merge(cost.currency().getCurrencyCode(), cost.amount(), BigDecimal::add);
    }
    assertEquals(rawDaily.toString(), daily.toString(), "seed " + seed);
  }

  /**
   * Issue "The customer's Billing Center", item 4: a month is in progress until the 3rd of the next
   * month, then its bill is final (the hourly job makes it so, or opening it does): its lines and
   * CSV never change again, and a notice says it is ready. Usage of it reported later is billed in
   * the next month that is still in progress, on a line of its own, and never twice.
   */
  @Test
  void aBillIsFinalFromItsCloseDayAndLateUsageIsBilledInTheNextMonthOnce() throws Exception {
    YearMonth march = YearMonth.of(2025, 3);
    YearMonth april = march.plusMonths(1);
    YearMonth may = april.plusMonths(1);
    clock.set(Instant.parse("2025-03-20T10:00:00Z"));
    String username = "final-" + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner = accounts.register(username, username + "@example.org", PASSWORD);
    Workspace shop = workspaces.create(owner, "Final shop", "us1", "en", Plan.COMMERCIAL);
    Instant marchHour = Instant.parse("2025-03-20T10:00:00Z");
    usage.receive("us1", List.of(used(shop.id(), "data-points", marchHour, 10)), Map.of());
    Bill open = bills.month(owner, march);
    assertFalse(open.isFinal());
    assertEquals(Instant.parse("2025-04-03T00:00:00Z"), open.closesAt());

    // Late, but before the close day: still in March's own bill.
    clock.set(Instant.parse("2025-04-02T23:59:00Z"));
    usage.receive(
        "us1", List.of(used(shop.id(), "data-points", marchHour.plusSeconds(3600), 5)), Map.of());
    assertEquals(List.of("billing-center SETTLED 15"), summary(bills.month(owner, march)));
    assertFalse(bills.month(owner, march).isFinal(), "not before the close day");

    clock.set(Instant.parse("2025-04-03T00:23:00Z"));
    assertTrue(closing.closeDue().made() >= 1, "the hourly job makes March final");
    Bill closed = bills.month(owner, march);
    assertTrue(closed.isFinal());
    assertEquals("3.75", closed.lines().get(0).amount().toPlainString(), "15 at 0.25, in cents");
    assertEquals("0.25", closed.lines().get(0).unitPrice().toPlainString(), "the price as written");
    String csv = bills.csv(owner, march);
    assertTrue(csv.contains("2025-03,2025-03,billing-center"), csv);
    assertTrue(
        notices.page(owner.id(), 0, 10).stream()
            .anyMatch(n -> n.subject().equals("Your bill for 2025-03 is ready")),
        "a notice says the bill is ready");

    // March usage reported now: March stays as it was; April bills it on a line of its own.
    usage.receive(
        "us1",
        List.of(used(shop.id(), "data-points", Instant.parse("2025-03-31T23:00:00Z"), 7)),
        Map.of());
    usage.receive(
        "us1",
        List.of(used(shop.id(), "data-points", Instant.parse("2025-04-02T08:00:00Z"), 3)),
        Map.of());
    assertEquals(List.of("billing-center SETTLED 15"), summary(bills.month(owner, march)));
    assertEquals(csv, bills.csv(owner, march), "the final CSV is the same bytes");
    Bill aprilOpen = bills.month(owner, april);
    assertFalse(aprilOpen.isFinal());
    assertEquals(
        List.of("billing-center SETTLED 3 2025-04", "billing-center SETTLED 7 2025-03 late"),
        lateSummary(aprilOpen));

    // April closes when opened after its close day; April usage reported later goes to May, and
    // March's late line is not billed again.
    clock.set(Instant.parse("2025-05-03T00:00:01Z"));
    Bill aprilFinal = bills.month(owner, april);
    assertTrue(aprilFinal.isFinal(), "opening a due month makes it final");
    usage.receive(
        "us1",
        List.of(used(shop.id(), "data-points", Instant.parse("2025-04-30T22:00:00Z"), 2)),
        Map.of());
    assertEquals(
        List.of("billing-center SETTLED 3 2025-04", "billing-center SETTLED 7 2025-03 late"),
        lateSummary(bills.month(owner, april)));
    assertEquals(
        List.of("billing-center SETTLED 2 2025-04 late"), lateSummary(bills.month(owner, may)));
    BigDecimal late = bills.month(owner, may).lines().get(0).amount();
    assertEquals(0, new BigDecimal("0.50").compareTo(late), "2 million data points at 0.25");
  }

  /**
   * Closings of one owner's month at the same moment (the hourly job on every instance, a customer
   * opening the month): one makes the bill, the others find it made, and none fails.
   */
  @Test
  void closingsAtTheSameMomentMakeOneBillAndNoneFails() throws Exception {
    YearMonth june = YearMonth.of(2025, 6);
    clock.set(Instant.parse("2025-06-10T10:00:00Z"));
    String username = "race-" + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner = accounts.register(username, username + "@example.org", PASSWORD);
    Workspace shop = workspaces.create(owner, "Race shop", "us1", "en", Plan.COMMERCIAL);
    usage.receive(
        "us1",
        List.of(used(shop.id(), "data-points", Instant.parse("2025-06-10T09:00:00Z"), 10)),
        Map.of());
    clock.set(Instant.parse("2025-07-03T00:30:00Z"));
    int closings = 6;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(closings);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> made = new ArrayList<>();
    try {
      for (int i = 0; i < closings; i++) {
        made.add(
            pool.submit(
                () -> {
                  start.await();
                  return closing.closeIfDue(owner.id(), june);
                }));
      }
      start.countDown();
      int makers = 0;
      for (var one : made) {
        if (one.get(60, java.util.concurrent.TimeUnit.SECONDS)) {
          makers++;
        }
      }
      assertEquals(1, makers, "one closing made the bill");
    } finally {
      pool.shutdownNow();
    }
    assertTrue(bills.month(owner, june).isFinal());
  }

  /**
   * A price change applies from its day: the month it falls in has a line at each price, and the
   * final bill keeps them. An item without a price in the site's currency is never billed 0.00: the
   * month's bill keeps it without a price and is not made final (the operators are told in the log)
   * until a price is set.
   */
  @Test
  void eachDayIsPricedAtItsPriceAndABillWithoutAPriceIsNotMadeFinal() throws Exception {
    YearMonth august = YearMonth.of(2025, 8);
    clock.set(Instant.parse("2025-08-10T10:00:00Z"));
    String username = "price-" + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner = accounts.register(username, username + "@example.org", PASSWORD);
    Workspace shop = workspaces.create(owner, "Price shop", "us1", "en", Plan.COMMERCIAL);
    clock.set(Instant.parse("2025-08-20T10:00:00Z"));
    usage.receive(
        "us1",
        List.of(
            used(shop.id(), "price-test", Instant.parse("2025-08-15T23:00:00Z"), 3),
            used(shop.id(), "price-test", Instant.parse("2025-08-16T00:00:00Z"), 5)),
        Map.of());
    clock.set(Instant.parse("2025-09-03T00:30:00Z"));
    assertTrue(closing.closeIfDue(owner.id(), august));
    Bill made = bills.month(owner, august);
    assertTrue(made.isFinal());
    assertEquals(
        List.of("3 at 1.00 = 3.00", "5 at 2.00 = 10.00"),
        made.lines().stream()
            .map(l -> l.quantity() + " at " + l.unitPrice() + " = " + l.amount())
            .sorted()
            .toList(),
        "the day before the change at the old price, from its day at the new");

    // September: a line of an item without a USD price keeps the bill in progress.
    YearMonth september = august.plusMonths(1);
    usage.receive(
        "us1",
        List.of(used(shop.id(), "unpriced-test", Instant.parse("2025-09-03T00:00:00Z"), 4)),
        Map.of());
    clock.set(Instant.parse("2025-10-03T00:30:00Z"));
    assertFalse(closing.closeIfDue(owner.id(), september), "not made final");
    Bill open = bills.month(owner, september);
    assertFalse(open.isFinal(), "the customer sees it in progress");
    assertEquals(null, open.lines().get(0).amount(), "no price, never 0.00");
    assertTrue(bills.csv(owner, september).contains(",4,,,USD,"), bills.csv(owner, september));
  }

  /** A bill's lines as "group kind quantity usage-month [late]", in order. */
  private static List<String> lateSummary(Bill bill) {
    return bill.lines().stream()
        .map(
            l ->
                l.group()
                    + " "
                    + l.kind()
                    + " "
                    + l.quantity()
                    + " "
                    + l.usageMonth()
                    + (bill.isLate(l) ? " late" : ""))
        .toList();
  }
}
