package com.billingcenter.bill.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A month's bill as CSV (RFC 4180, a header row, one row per line; {@code usage_month} is the
 * bill's month, or the earlier month of a late line; {@code agreement} the AWS agreement whose
 * terms priced the line, empty for the list price; {@code included} {@code true} for units the
 * agreement's contract already paid for, at 0.00). A final bill's CSV is written once, when it is
 * made final, and kept as issued ({@link FinalBills}). A text a spreadsheet would take for a
 * formula (starting with {@code = + - @}, a tab or a carriage return) is written with a leading
 * apostrophe, so that opening the file runs nothing.
 */
public final class BillCsv {

  private BillCsv() {}

  static final String[] HEADER = {
    "month",
    "usage_month",
    "settlement_method",
    "cloud_account_id",
    "workspace_id",
    "workspace",
    "site",
    "billing_item",
    "quantity",
    "unit_price",
    "amount",
    "currency",
    "charge",
    "agreement",
    "included"
  };

  public static void write(Bill bill, Writer out) {
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
      for (BillLine line : bill.lines()) {
        csv.printRecord(
            bill.month().toString(),
            line.usageMonth().toString(),
            line.settlementMethod(),
            line.cloudAccountId() == null ? "" : line.cloudAccountId().toString(),
            Long.toString(line.workspaceId()),
            inert(line.workspaceName()),
            line.siteCode(),
            line.billingItem(),
            Long.toString(line.quantity()),
            line.unitPrice() == null ? "" : line.unitPrice().toPlainString(),
            line.amount() == null ? "" : line.amount().toPlainString(),
            line.currency().getCurrencyCode(),
            line.charge(),
            line.agreementId() == null ? "" : line.agreementId(),
            line.included() ? "true" : "");
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A text a spreadsheet shows as text. */
  static String inert(String text) {
    if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }
}
