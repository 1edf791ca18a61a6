package com.billingcenter.system.bill;

import static com.billingcenter.system.support.SettledCustomers.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.bill.control.BillClosing;
import com.billingcenter.bill.control.FinalBills;
import com.billingcenter.operations.boundary.OperationsOverview;
import com.billingcenter.platform.control.JobLeases;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SettledCustomers;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The month's closing run: one instance of a cluster at a time (the lease), through every owner, a
 * bill that cannot be made final (a line without a price) passed without holding up the rest.
 */
class BillClosingArquillianIT extends ContainerTest {

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject UsageIntake usage;
  @Inject FinalBills finalBills;
  @Inject BillClosing closing;
  @Inject JobLeases leases;
  @Inject OperationsOverview overview;

  private BillingAccount customer(String prefix, String item, Instant hour) {
    clock.set(hour.plus(Duration.ofMinutes(5)));
    String username = prefix + UUID.randomUUID().toString().substring(0, 8);
    BillingAccount owner =
        accounts.register(username, username + "@example.org", SettledCustomers.PASSWORD);
    Workspace shop = workspaces.create(owner, prefix + "shop", "us1", "en", Plan.COMMERCIAL);
    usage.receive("us1", List.of(used(shop.id(), item, hour, 4)), Map.of());
    return owner;
  }

  @Test
  void anotherInstancesRunMeansThisOneClosesNothing() {
    YearMonth february = YearMonth.of(2024, 2);
    BillingAccount owner = customer("lease-", "data-points", Instant.parse("2024-02-10T10:00:00Z"));
    clock.set(Instant.parse("2024-03-03T00:23:00Z"));
    assertTrue(
        leases.acquire("bill-closing", "another-instance", clock.instant(), Duration.ofMinutes(5)));
    try {
      BillClosing.Run run = closing.closeDue();
      assertTrue(run.leaseHeldElsewhere(), run.toString());
      assertEquals(0, run.made());
      assertFalse(finalBills.exists(owner.id(), february), "not closed twice at once");
    } finally {
      leases.release("bill-closing", "another-instance");
    }
    BillClosing.Run run = closing.closeDue();
    assertFalse(run.leaseHeldElsewhere(), run.toString());
    assertTrue(run.made() >= 1, run.toString());
    assertTrue(finalBills.exists(owner.id(), february), "closed once the lease was free");
  }

  @Test
  void aBillWithoutAPriceIsPassedAndTheOthersAreMade() {
    YearMonth january = YearMonth.of(2024, 1);
    Instant hour = Instant.parse("2024-01-12T10:00:00Z");
    BillingAccount unpriced = customer("blocked-", "unpriced-test", hour);
    BillingAccount priced = customer("after-", "data-points", hour);
    clock.set(Instant.parse("2024-02-03T00:23:00Z"));
    BillClosing.Run run = closing.closeDue();
    assertTrue(run.notMade() >= 1, run.toString());
    assertFalse(finalBills.exists(unpriced.id(), january), "no price: not final");
    assertTrue(finalBills.exists(priced.id(), january), "the owner after it is closed");
    assertEquals(0, closing.closeDue().made(), "the next run passes it again, and ends");
    // The operators' Month close page says why.
    OperationsOverview.MonthClose close =
        overview.months().stream().filter(m -> m.month().equals(january)).findFirst().orElseThrow();
    assertTrue(
        close.blocked().stream()
            .anyMatch(
                b ->
                    b.billingItem().equals("unpriced-test")
                        && b.currency().equals("USD")
                        && b.accounts() >= 1),
        close.toString());
  }
}
