package com.billingcenter.system.bill;

import static com.billingcenter.system.support.SettledCustomers.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.billingcenter.bill.boundary.Bills;
import com.billingcenter.bill.control.Bill;
import com.billingcenter.bill.control.BillLine;
import com.billingcenter.marketplace.boundary.AgreementTermsReader;
import com.billingcenter.metering.boundary.Metering;
import com.billingcenter.system.support.AwsBuyers;
import com.billingcenter.system.support.AwsBuyers.Buyer;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.usage.boundary.UsageIntake;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bills at the agreement's price (issue "Every AWS offer settles right", item 2): AWS charges the
 * buyer the usage metered to them at the prices of their agreement's accepted terms ("AWS
 * calculates a customer's bill using the metering data along with the prices that you provided",
 * Seller Guide, metering for usage; a private offer's rate card in its own currency, EUR among them
 * since 2025), so the bill prices the usage of an AWS-settled workspace so, and names the
 * agreement; the workspaces the Billing Center account pays for keep the list price of their site's
 * currency, and the bill holds one subtotal per currency.
 */
class AgreementPricesArquillianIT extends ContainerTest {

  @Inject AwsBuyers buyers;
  @Inject AgreementTermsReader reader;
  @Inject UsageIntake usage;
  @Inject Bills bills;
  @Inject Workspaces workspaces;
  @Inject Metering metering;

  @Test
  void aPrivateOffersUsageIsBilledAtItsRatesInEurosBesideTheListPrice() throws Exception {
    Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
    clock.set(hour.plus(Duration.ofMinutes(5)));
    Buyer buyer =
        buyers.settled(
            "eur-",
            "{\"pricing\": \"subscription\", \"currency\": \"EUR\","
                + " \"rates\": {\"DataPoints\": \"0.00085\"}}");
    reader.readDue();
    Workspace direct =
        workspaces.create(buyer.owner(), "Paid directly", "us1", "en", Plan.COMMERCIAL);
    usage.receive(
        "us1",
        List.of(
            used(buyer.workspace().id(), "data-points", hour, 1000),
            used(direct.id(), "data-points", hour, 1000)),
        Map.of());

    Bill bill = bills.month(buyer.owner(), YearMonth.from(hour.atZone(ZoneOffset.UTC)));
    BillLine aws = lineOf(bill, buyer.workspace().id());
    assertEquals(new BigDecimal("0.00085"), aws.unitPrice(), aws.toString());
    assertEquals(Currency.getInstance("EUR"), aws.currency());
    assertEquals(new BigDecimal("0.85"), aws.amount());
    assertEquals(buyer.agreement(), aws.agreementId());
    BillLine listPrice = lineOf(bill, direct.id());
    assertEquals(Currency.getInstance("USD"), listPrice.currency());
    assertEquals(new BigDecimal("250.00"), listPrice.amount(), listPrice.toString());
    assertNull(listPrice.agreementId());
    assertEquals(
        Map.of(Currency.getInstance("EUR"), new BigDecimal("0.85")),
        bill.totals().get(aws.group()));
    assertEquals(
        Map.of(Currency.getInstance("USD"), new BigDecimal("250.00")),
        bill.totals().get(listPrice.group()));
  }

  @Test
  void aContractsIncludedUnitsAreBilledAtZeroAndOnlyTheRestAtItsRate() throws Exception {
    Instant h0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(4));
    Instant h1 = h0.plus(Duration.ofHours(1));
    clock.set(h0.plus(Duration.ofMinutes(5)));
    // Seller Guide, "SaaS contracts": a contract with consumption is charged "only usage beyond a
    // customer's contract entitlements".
    Buyer buyer =
        buyers.settled(
            "ccp-bill-",
            "{\"pricing\": \"contractWithConsumption\", \"rates\": {\"DataPoints\": \"0.01\"},"
                + " \"purchased\": {\"DataPoints\": 100}}");
    reader.readDue();
    long workspace = buyer.workspace().id();
    buyers.used("us1", workspace, "data-points", h0, 60);
    buyers.used("us1", workspace, "data-points", h1, 70);
    buyers.meteredThrough(h1);

    YearMonth month = YearMonth.from(h1.atZone(ZoneOffset.UTC));
    List<BillLine> lines =
        bills.month(buyer.owner(), month).lines().stream()
            .filter(l -> l.workspaceId() == workspace)
            .toList();
    long expectedIncluded = YearMonth.from(h0.atZone(ZoneOffset.UTC)).equals(month) ? 100 : 40;
    BillLine included = lines.stream().filter(BillLine::included).findFirst().orElseThrow();
    assertEquals(expectedIncluded, included.quantity(), lines.toString());
    assertEquals(new BigDecimal("0.00"), included.amount());
    assertEquals(buyer.agreement(), included.agreementId());
    BillLine beyond = lines.stream().filter(l -> !l.included()).findFirst().orElseThrow();
    assertEquals(30, beyond.quantity(), lines.toString());
    assertEquals(new BigDecimal("0.30"), beyond.amount(), "30 × 0.01, what AWS charges");
  }

  private static BillLine lineOf(Bill bill, long workspace) {
    return bill.lines().stream()
        .filter(l -> l.workspaceId() == workspace)
        .findFirst()
        .orElseThrow(() -> new AssertionError(bill.lines().toString()));
  }
}
