package com.billingcenter.bill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.billingcenter.workspace.entity.SettlementPeriod;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line's units included in its agreement split off at 0.00, the rest at its price. */
class BillLineTest {

  private static final BillLine LINE =
      new BillLine(
          7,
          "Shop",
          "us1",
          "aws",
          51L,
          "data-points",
          130,
          new BigDecimal("0.01"),
          new BigDecimal("1.30"),
          Currency.getInstance("EUR"),
          SettlementPeriod.Kind.SETTLED,
          YearMonth.of(2026, 12),
          "agmt-ccp",
          false);

  @Test
  void theIncludedUnitsAreALineAtZeroAndTheRestKeepsItsPrice() {
    List<BillLine> split = LINE.including(100);
    assertEquals(2, split.size(), split.toString());
    assertEquals(100, split.get(0).quantity());
    assertEquals(new BigDecimal("0.00"), split.get(0).amount());
    assertEquals(true, split.get(0).included());
    assertEquals("agmt-ccp", split.get(0).agreementId());
    assertEquals(30, split.get(1).quantity());
    assertEquals(new BigDecimal("0.30"), split.get(1).amount());
    assertEquals(false, split.get(1).included());
  }

  @Test
  void moreIncludedThanUsedIsOneIncludedLineAndNoneIsTheLineItself() {
    assertEquals(List.of(130L), LINE.including(500).stream().map(BillLine::quantity).toList());
    assertEquals(true, LINE.including(500).get(0).included());
    assertEquals(List.of(LINE), LINE.including(0));
  }
}
