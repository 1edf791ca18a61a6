package com.billingcenter.bill.control;

import com.billingcenter.bill.control.Reconciliation.Allocation;
import com.billingcenter.bill.control.Reconciliation.Line;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A reconciliation statement as CSV (RFC 4180, a header row, one row per metering record, oldest
 * hour first). {@code allocations} lists the record's units per workspace and site as {@code
 * workspaceId@site=units}, and the untagged rest as {@code untagged=units}, separated by spaces;
 * {@code agreement} is empty for the public list price. Written once when the month is final and
 * kept as issued; read back for the API's view of such a month, so both always agree.
 */
public final class ReconciliationCsv {

  static final String[] HEADER = {
    "month",
    "cloud_account_id",
    "hour",
    "dimension",
    "metering_record_id",
    "state",
    "aws_status",
    "included_quantity",
    "metered_quantity",
    "free_quantity",
    "quantity",
    "allocations",
    "agreement",
    "unit_price",
    "currency",
    "amount"
  };

  private ReconciliationCsv() {}

  public static String write(Reconciliation statement) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(HEADER).get().print(out)) {
      for (Line line : statement.lines()) {
        csv.printRecord(
            statement.month().toString(),
            Long.toString(statement.cloudAccountId()),
            line.hour().toString(),
            line.dimension(),
            text(line.meteringRecordId()),
            line.state().toLowerCase(java.util.Locale.ROOT),
            text(line.awsStatus()),
            Long.toString(line.included()),
            Long.toString(line.metered()),
            Long.toString(line.free()),
            Long.toString(line.quantity()),
            allocations(line.allocations()),
            text(line.agreementId()),
            line.unitPrice() == null ? "" : line.unitPrice().toPlainString(),
            line.currency() == null ? "" : line.currency().getCurrencyCode(),
            line.amount() == null ? "" : line.amount().toPlainString());
      }
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The lines of a statement this class wrote. */
  public static List<Line> read(String text) {
    List<Line> lines = new ArrayList<>();
    try {
      for (CSVRecord row :
          CSVFormat.RFC4180
              .builder()
              .setHeader(HEADER)
              .setSkipHeaderRecord(true)
              .get()
              .parse(new StringReader(text))) {
        lines.add(
            new Line(
                Instant.parse(row.get("hour")),
                row.get("dimension"),
                empty(row.get("metering_record_id")),
                row.get("state").toUpperCase(java.util.Locale.ROOT),
                empty(row.get("aws_status")),
                Long.parseLong(row.get("included_quantity")),
                Long.parseLong(row.get("metered_quantity")),
                Long.parseLong(row.get("free_quantity")),
                allocations(row.get("allocations")),
                empty(row.get("agreement")),
                decimal(row.get("unit_price")),
                row.get("currency").isEmpty() ? null : Currency.getInstance(row.get("currency")),
                decimal(row.get("amount"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  private static String allocations(List<Allocation> allocations) {
    StringBuilder text = new StringBuilder();
    for (Allocation a : allocations) {
      text.append(text.length() == 0 ? "" : " ")
          .append(a.workspaceId() == null ? "untagged" : a.workspaceId() + "@" + a.siteCode())
          .append('=')
          .append(a.quantity());
    }
    return text.toString();
  }

  private static List<Allocation> allocations(String text) {
    List<Allocation> allocations = new ArrayList<>();
    for (String part : text.isBlank() ? new String[0] : text.split(" ")) {
      String[] tagged = part.split("=", 2);
      long quantity = Long.parseLong(tagged[1]);
      if (tagged[0].equals("untagged")) {
        allocations.add(new Allocation(null, null, quantity));
      } else {
        String[] workspace = tagged[0].split("@", 2);
        allocations.add(new Allocation(Long.valueOf(workspace[0]), workspace[1], quantity));
      }
    }
    return allocations;
  }

  private static String text(String value) {
    return value == null ? "" : BillCsv.inert(value);
  }

  private static String empty(String value) {
    return value.isEmpty() ? null : value;
  }

  private static BigDecimal decimal(String value) {
    return value.isEmpty() ? null : new BigDecimal(value);
  }
}
