package com.billingcenter.system.bill;

import static com.billingcenter.system.support.SettledCustomers.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.boundary.Members;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Person;
import com.billingcenter.bill.boundary.Budgets;
import com.billingcenter.notice.boundary.NoticeBoard;
import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SettledCustomers;
import com.billingcenter.system.support.SmtpSink;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Budgets with a fixed clock: a daily budget below today's cost tells the owner once (one notice,
 * one mail), not again that day, and again the next day it is passed; a monthly one at 80 % and
 * when passed, once each; bad budgets are refused and make nothing.
 */
class BudgetsArquillianIT extends ContainerTest {

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject UsageIntake usage;
  @Inject Budgets budgets;
  @Inject NoticeBoard notices;
  @Inject Members members;

  private BillingAccount owner;
  private Workspace shop;

  /** A customer whose US workspace used {@code units} data points (0.25 USD each) at {@code at}. */
  private void customer(Instant hour, long units) {
    clock.set(hour.plus(Duration.ofMinutes(5)));
    String username = "budget-" + UUID.randomUUID().toString().substring(0, 8);
    owner = accounts.register(username, username + "@example.org", SettledCustomers.PASSWORD);
    shop = workspaces.create(owner, "Shop", "us1", "en", Plan.COMMERCIAL);
    use(hour, units);
  }

  private void use(Instant hour, long units) {
    clock.set(hour.plus(Duration.ofMinutes(5)));
    usage.receive("us1", List.of(used(shop.id(), "data-points", hour, units)), Map.of());
  }

  private List<String> alerts() {
    return notices.page(owner.id(), 0, 50).stream()
        .map(Notice::kind)
        .filter(k -> k.startsWith("budget."))
        .toList();
  }

  @Test
  void aDailyBudgetBelowTodaysCostTellsOnceADay() throws Exception {
    int port = ConfigProvider.getConfig().getValue("billing.mail.smtp.port", Integer.class);
    try (SmtpSink sink = new SmtpSink(port)) {
      customer(Instant.parse("2025-06-10T09:00:00Z"), 100); // 25.00 USD
      String finance = member(sink, "finance");
      String viewer = member(sink, "viewer");
      budgets.create(owner, null, null, "day", new BigDecimal("20"), "USD", null);
      assertEquals(List.of("budget.passed"), alerts(), "one notice, the higher level");
      assertEquals(0, budgets.check(owner), "not again today");
      use(Instant.parse("2025-06-10T10:00:00Z"), 100);
      assertEquals(0, budgets.check(owner), "still not again today");
      assertEquals(List.of("budget.passed"), alerts());
      long mails = awaitMails(sink, owner.loginAccount(), 1);
      assertEquals(1, mails, "one mail: " + sink.messages());
      assertEquals(1, budgetMails(sink, finance), "the finance member chose to be told");
      assertEquals(0, budgetMails(sink, viewer), "viewers are not told unless chosen");
      assertTrue(
          sink.messages().stream()
              .filter(m -> m.contains(owner.loginAccount()))
              .anyMatch(m -> m.contains("past your daily budget of 20.00 USD")),
          sink.messages().toString());

      use(Instant.parse("2025-06-11T09:00:00Z"), 100);
      budgets.check(owner);
      assertEquals(List.of("budget.passed", "budget.passed"), alerts(), "a new day");
    }
  }

  /**
   * A member of the owner's team with {@code role}, invited and joined (the invitation's link read
   * from the mail it sent): their address.
   */
  private String member(SmtpSink sink, String role) throws Exception {
    String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
    String email = name + "@team.example.org";
    members.invite(Person.ownLogin(owner), email, role, java.util.Locale.ENGLISH);
    String token = null;
    for (int i = 0; i < 100 && token == null; i++) {
      token =
          sink.messages().stream()
              .filter(m -> m.toLowerCase(java.util.Locale.ROOT).contains("to: " + email))
              .map(SmtpSink::decoded)
              .map(
                  t -> java.util.regex.Pattern.compile("join\\.xhtml\\?token=([\\w-]+)").matcher(t))
              .filter(java.util.regex.Matcher::find)
              .map(m -> m.group(1))
              .findFirst()
              .orElse(null);
      if (token == null) {
        Thread.sleep(100);
      }
    }
    members.join(token, name, SettledCustomers.PASSWORD);
    return email;
  }

  /** The budget mails to {@code to}, once at least {@code atLeast} came (or 5 s passed). */
  private static long awaitMails(SmtpSink sink, String to, long atLeast) throws Exception {
    for (int i = 0; i < 50 && budgetMails(sink, to) < atLeast; i++) {
      Thread.sleep(100);
    }
    Thread.sleep(300); // and no second one
    return budgetMails(sink, to);
  }

  private static long budgetMails(SmtpSink sink, String to) {
    return sink.messages().stream()
        .filter(m -> m.contains(to) && m.contains("Subject: Spending"))
        .count();
  }

  @Test
  void aMonthlyBudgetTellsAtEightyPercentAndWhenPassed() {
    customer(Instant.parse("2025-07-03T09:00:00Z"), 100); // 25.00 USD
    budgets.create(owner, shop.id(), null, "month", new BigDecimal("40"), "USD", List.of("owner"));
    assertEquals(List.of(), alerts(), "62 %");
    use(Instant.parse("2025-07-04T09:00:00Z"), 30); // 32.50: 81 %
    budgets.check(owner);
    assertEquals(List.of("budget.near"), alerts());
    budgets.check(owner);
    assertEquals(List.of("budget.near"), alerts(), "once");
    use(Instant.parse("2025-07-05T09:00:00Z"), 40); // 42.50
    budgets.check(owner);
    assertEquals(List.of("budget.passed", "budget.near"), alerts());
    Budgets.Standing standing = budgets.standings(owner).get(0);
    assertEquals(0, new BigDecimal("42.50").compareTo(standing.spent()), standing.toString());
    assertEquals(106, standing.percent());
  }

  @Test
  void aBadBudgetIsRefusedAndMakesNothing() {
    customer(Instant.parse("2025-08-03T09:00:00Z"), 1);
    BillingAccount stranger =
        accounts.register(
            "stranger-" + UUID.randomUUID().toString().substring(0, 8),
            "s" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
            SettledCustomers.PASSWORD);
    Object[][] bad = {
      {null, null, "week", "10", "USD", "budget.period"},
      {null, null, "day", "0", "USD", "budget.amount"},
      {null, null, "day", "1.234", "USD", "budget.amount"},
      {null, null, "day", "10", "EUR", "budget.currency"},
      {null, "nope", "day", "10", "USD", "budget.item"},
      {shop.id(), "data-points", "day", "10", "USD", "budget.both"},
    };
    for (Object[] b : bad) {
      RuleViolation refused =
          assertThrows(
              RuleViolation.class,
              () ->
                  budgets.create(
                      owner,
                      (Long) b[0],
                      (String) b[1],
                      (String) b[2],
                      new BigDecimal((String) b[3]),
                      (String) b[4],
                      null));
      assertEquals(b[5], refused.code());
    }
    assertEquals(
        "workspace.notFound",
        assertThrows(
                RuleViolation.class,
                () ->
                    budgets.create(
                        stranger, shop.id(), null, "day", new BigDecimal("10"), "USD", null))
            .code());
    assertTrue(budgets.list(owner).isEmpty() && budgets.list(stranger).isEmpty());
  }
}
