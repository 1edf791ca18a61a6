package com.billingcenter.bill.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A month's bill: its lines, and the totals per group of lines ({@link BillLine#group}) and
 * currency; {@code finalizedAt} when it is final (null while the month is in progress, until {@code
 * closesAt}).
 */
public record Bill(
    YearMonth month,
    List<BillLine> lines,
    Map<String, Map<Currency, BigDecimal>> totals,
    Instant closesAt,
    Instant finalizedAt) {

  /** The order of a bill's lines: by group, workspace, newest usage month, item and kind. */
  private static final Comparator<BillLine> ORDER =
      Comparator.comparing(BillLine::settlementMethod)
          .thenComparing(l -> l.cloudAccountId() == null ? 0 : l.cloudAccountId())
          .thenComparing(BillLine::workspaceName)
          .thenComparing(BillLine::workspaceId)
          .thenComparing(BillLine::usageMonth, Comparator.reverseOrder())
          .thenComparing(BillLine::billingItem)
          .thenComparing(BillLine::kind);

  /** A bill of these lines, put in the bill's order, with its totals. */
  public static Bill of(
      YearMonth month, List<BillLine> lines, Instant closesAt, Instant finalizedAt) {
    List<BillLine> ordered = new ArrayList<>(lines);
    ordered.sort(ORDER);
    return asIssued(month, ordered, closesAt, finalizedAt);
  }

  /** A bill of these lines in the order given (a final bill's, as it was issued). */
  public static Bill asIssued(
      YearMonth month, List<BillLine> lines, Instant closesAt, Instant finalizedAt) {
    Map<String, Map<Currency, BigDecimal>> totals = new LinkedHashMap<>();
    for (BillLine line : lines) {
      Map<Currency, BigDecimal> total =
          totals.computeIfAbsent(line.group(), g -> new LinkedHashMap<>());
      if (line.amount() != null) {
        total.merge(line.currency(), line.amount(), BigDecimal::add);
      }
    }
    return new Bill(month, List.copyOf(lines), totals, closesAt, finalizedAt);
  }

  /**
   * The lines without a price (their item has none in their currency): the bill cannot be final.
   */
  public List<BillLine> unpriced() {
    return lines.stream().filter(l -> l.amount() == null).toList();
  }

  public boolean isFinal() {
    return finalizedAt != null;
  }

  /** Whether a line is usage of an earlier month, reported after that month's bill was final. */
  public boolean isLate(BillLine line) {
    return !line.usageMonth().equals(month);
  }
}
