package com.billingcenter.bill.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A cloud account's reconciliation statement of a month: each metering record of the month (an hour
 * and a dimension) beside what AWS said of it and what it costs, so that the buyer can lay it next
 * to their AWS invoice and Cost Explorer, line by line. Final once the month's bills are ({@code
 * finalizedAt}); then it is the statement as issued.
 */
public record Reconciliation(
    long cloudAccountId, YearMonth month, List<Line> lines, Instant finalizedAt) {

  /** What AWS charges for the record: accepted, or still to be sent. */
  public static final List<String> CHARGED = List.of("SENT", "DUPLICATE", "PENDING");

  /**
   * One record. {@code included}: units the agreement's contract already paid for; {@code metered}:
   * the units sent to AWS (or, not metered, kept); {@code free}: of those, units a free trial's
   * grants give away (AWS charges nothing for them); {@code allocations}: the metered units per
   * workspace and site as sent in {@code UsageAllocations}, the rest untagged; {@code agreementId}
   * the agreement in force whose rate priced it (null: the public list price, in USD); {@code
   * amount}: ({@code metered} − {@code free}) × {@code unitPrice} when AWS charges the record
   * ({@link #CHARGED}), else zero; null when nothing prices the dimension.
   */
  public record Line(
      Instant hour,
      String dimension,
      String meteringRecordId,
      String state,
      String awsStatus,
      long included,
      long metered,
      long free,
      List<Allocation> allocations,
      String agreementId,
      BigDecimal unitPrice,
      Currency currency,
      BigDecimal amount) {

    public long quantity() {
      return included + metered;
    }
  }

  /** Units of a record used by a workspace on a site; {@code workspaceId} null: untagged. */
  public record Allocation(Long workspaceId, String siteCode, long quantity) {}

  /** Units and money per dimension and currency over the month. */
  public record Total(
      String dimension, Currency currency, long included, long metered, BigDecimal amount)
      implements java.io.Serializable {}

  public boolean isFinal() {
    return finalizedAt != null;
  }

  /** The month's totals, per dimension and currency (the list price in USD), in that order. */
  public List<Total> totals() {
    Map<String, Total> totals = new TreeMap<>();
    for (Line line : lines) {
      String currency = line.currency() == null ? "" : line.currency().getCurrencyCode();
      totals.merge(
          line.dimension() + " " + currency,
          new Total(
              line.dimension(),
              line.currency(),
              line.included(),
              line.metered(),
              line.amount() == null ? BigDecimal.ZERO : line.amount()),
          (a, b) ->
              new Total(
                  a.dimension(),
                  a.currency(),
                  a.included() + b.included(),
                  a.metered() + b.metered(),
                  a.amount().add(b.amount())));
    }
    return List.copyOf(totals.values());
  }

  /** The month's amount per currency that units were metered in. */
  public Map<Currency, BigDecimal> amounts() {
    Map<Currency, BigDecimal> amounts =
        new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    for (Total total : totals()) {
      if (total.currency() != null && total.metered() > 0) {
        amounts.merge(total.currency(), total.amount(), BigDecimal::add);
      }
    }
    return amounts;
  }
}
