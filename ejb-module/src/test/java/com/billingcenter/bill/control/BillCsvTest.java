package com.billingcenter.bill.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.billingcenter.workspace.entity.SettlementPeriod;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class BillCsvTest {

  private static BillLine line(String workspace) {
    return new BillLine(
        7,
        workspace,
        "us1",
        "aws",
        51L,
        "data-points",
        30,
        new BigDecimal("0.25"),
        new BigDecimal("7.50"),
        Currency.getInstance("USD"),
        SettlementPeriod.Kind.WHILE_LOCKED,
        YearMonth.of(2026, 10),
        null,
        false);
  }

  @Test
  void aBillIsAHeaderAndARowPerLine() {
    StringWriter out = new StringWriter();
    BillCsv.write(Bill.of(YearMonth.of(2026, 11), List.of(line("Shop, \"EU\"")), null, null), out);
    assertEquals(
        "month,usage_month,settlement_method,cloud_account_id,workspace_id,workspace,site,"
            + "billing_item,quantity,unit_price,amount,currency,charge,agreement,included\r\n"
            + "2026-11,2026-10,aws,51,7,\"Shop, \"\"EU\"\"\",us1,data-points,30,0.25,7.50,USD,"
            + "while_locked,,\r\n",
        out.toString());
  }

  @Test
  void aLinePricedByAnAgreementNamesIt() {
    StringWriter out = new StringWriter();
    BillLine line =
        new BillLine(
                7,
                "Shop",
                "eu1",
                "aws",
                51L,
                "data-points",
                30,
                new BigDecimal("0.00085"),
                new BigDecimal("0.03"),
                Currency.getInstance("EUR"),
                SettlementPeriod.Kind.SETTLED,
                YearMonth.of(2026, 11),
                null,
                false)
            .withAgreement("agmt-private-offer");
    BillCsv.write(Bill.of(YearMonth.of(2026, 11), List.of(line), null, null), out);
    assertEquals(
        "2026-11,2026-11,aws,51,7,Shop,eu1,data-points,30,0.00085,0.03,EUR,settled,"
            + "agmt-private-offer,",
        out.toString().split("\r\n")[1]);
  }

  @Test
  void aNameASpreadsheetWouldRunIsWrittenAsText() {
    for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx")) {
      assertEquals("'" + formula, BillCsv.inert(formula));
    }
    assertEquals("Shop", BillCsv.inert("Shop"));
  }
}
