package com.billingcenter.system.operations;

import static com.billingcenter.system.support.SettledCustomers.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.bill.boundary.ConsumptionDetails;
import com.billingcenter.bill.control.BillLine;
import com.billingcenter.bill.control.BillLines;
import com.billingcenter.operations.boundary.CustomerLookup;
import com.billingcenter.operations.boundary.OperatorActions;
import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SettledCustomers;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An account manager switches a workspace's currency on the customer's request (the product's FAQ):
 * from the next month on its usage is priced in the new currency, this month's stays in the site's;
 * the bill lines, the consumption details and the console say so, and the customer's audit log
 * names the staff and the reason. Only a currency every billing item is priced in (the Arquillian
 * items: CNY; USD lacks "unpriced-test").
 */
class CurrencySwitchArquillianIT extends ContainerTest {

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject UsageIntake usage;
  @Inject BillLines billLines;
  @Inject ConsumptionDetails consumption;
  @Inject OperatorActions actions;
  @Inject CustomerLookup lookup;
  @Inject AuditLog auditLog;

  @Test
  void aSwitchPricesTheNextMonthInTheNewCurrency() {
    Instant march = Instant.parse("2025-03-10T10:00:00Z");
    clock.set(march.plusSeconds(300));
    String username = "currency-" + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner =
        accounts.register(username, username + "@example.org", SettledCustomers.PASSWORD);
    Workspace shop = workspaces.create(owner, "Shop", "us1", "en", Plan.COMMERCIAL);
    usage.receive("us1", List.of(used(shop.id(), "data-points", march, 4)), Map.of());

    Operators.Operator auditor = new Operators.Operator(0, "aud", Operators.Role.AUDITOR);
    Operators.Operator acting = new Operators.Operator(0, "manager", Operators.Role.OPERATOR);
    assertEquals(
        "operator.readOnly",
        assertThrows(
                RuleViolation.class,
                () -> actions.switchCurrency(auditor, shop.id(), "CNY", "asked by finance"))
            .code());
    assertEquals(
        "workspace.currency.unknown",
        assertThrows(
                RuleViolation.class,
                () -> actions.switchCurrency(acting, shop.id(), "EUR", "asked by finance"))
            .code());
    assertEquals(
        YearMonth.of(2025, 4),
        actions.switchCurrency(acting, shop.id(), "cny", "the customer's finance asked"));
    assertEquals(
        "workspace.currency.unchanged",
        assertThrows(
                RuleViolation.class,
                () -> actions.switchCurrency(acting, shop.id(), "CNY", "again"))
            .code());
    CustomerLookup.WorkspaceRow row = lookup.customer(owner.id()).orElseThrow().workspaces().get(0);
    assertEquals("USD", row.currency());
    assertEquals("CNY", row.nextMonthCurrency());

    Instant april = Instant.parse("2025-04-02T10:00:00Z");
    clock.set(april.plusSeconds(300));
    usage.receive("us1", List.of(used(shop.id(), "data-points", april, 4)), Map.of());
    BillLine marchLine = billLines.of(owner.id(), YearMonth.of(2025, 3)).get(0);
    assertEquals("USD", marchLine.currency().getCurrencyCode(), "this month stays");
    BillLine aprilLine = billLines.of(owner.id(), YearMonth.of(2025, 4)).get(0);
    assertEquals("CNY", aprilLine.currency().getCurrencyCode());
    assertEquals(0, new BigDecimal("7.20").compareTo(aprilLine.amount()), aprilLine.toString());
    List<ConsumptionDetails.Row> days =
        consumption.between(owner, LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 30), null);
    assertEquals(
        List.of("USD", "CNY"), days.stream().map(d -> d.currency().getCurrencyCode()).toList());

    AuditEntry entry =
        auditLog.page(owner.id(), 0, 50).stream()
            .filter(e -> e.action().equals("workspace.currencySwitched"))
            .findFirst()
            .orElseThrow();
    assertEquals("staff:manager", entry.actor());
    assertTrue(
        entry.after().contains("the customer's finance asked")
            && entry.after().contains("\"currency\":\"CNY\"")
            && entry.after().contains("2025-04"),
        entry.after());
  }
}
