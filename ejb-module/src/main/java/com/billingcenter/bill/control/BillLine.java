package com.billingcenter.bill.control;

import com.billingcenter.workspace.entity.SettlementPeriod;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Locale;

/**
 * One workspace's use of one billing item, under one settlement method, in {@code usageMonth}: the
 * bill's month, or an earlier month that was final already when the usage came (a late line).
 * {@code kind} tells usage the method paid as usual from usage of a locked workspace (unsettled,
 * charged on unlock, written off). {@code agreementId} names the AWS agreement whose terms priced
 * the line (in its currency); null when the list price of the site's currency did. {@code
 * included}: units the agreement's contract already paid for (AWS is not sent them), at 0.00.
 */
public record BillLine(
    long workspaceId,
    String workspaceName,
    String siteCode,
    String settlementMethod,
    Long cloudAccountId,
    String billingItem,
    long quantity,
    BigDecimal unitPrice,
    BigDecimal amount,
    Currency currency,
    SettlementPeriod.Kind kind,
    YearMonth usageMonth,
    String agreementId,
    boolean included) {

  /** The group of usage of a locked workspace charged to nobody (see {@link #group}). */
  public static final String WRITTEN_OFF = "written-off";

  /** The same line, priced by the AWS agreement {@code id}. */
  public BillLine withAgreement(String id) {
    return copy(quantity, unitPrice, amount, id, included);
  }

  /**
   * The line as {@code units} included in its agreement (bought upfront, or free in a trial) at
   * 0.00 and the rest at its unit price: one line or two.
   */
  public java.util.List<BillLine> including(long units) {
    long in = Math.min(units, quantity);
    if (in <= 0 || included) {
      return java.util.List.of(this);
    }
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    BillLine inContract =
        copy(in, BigDecimal.ZERO, BigDecimal.ZERO.setScale(digits), agreementId, true);
    if (in == quantity) {
      return java.util.List.of(inContract);
    }
    long rest = quantity - in;
    BigDecimal restAmount =
        unitPrice == null
            ? null
            : unitPrice
                .multiply(BigDecimal.valueOf(rest))
                .setScale(digits, java.math.RoundingMode.HALF_UP);
    return java.util.List.of(inContract, copy(rest, unitPrice, restAmount, agreementId, false));
  }

  private BillLine copy(
      long quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      String agreementId,
      boolean included) {
    return new BillLine(
        workspaceId,
        workspaceName,
        siteCode,
        settlementMethod,
        cloudAccountId,
        billingItem,
        quantity,
        unitPrice,
        amount,
        currency,
        kind,
        usageMonth,
        agreementId,
        included);
  }

  /** The kind as the CSV and the API name it: settled, unsettled, while_locked, written_off. */
  public String charge() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * The name of the line's group: the method, and the cloud account for a cloud method; usage
   * written off is a group of its own ({@value #WRITTEN_OFF}), and unsettled usage is method {@code
   * none}.
   */
  public String group() {
    if (kind == SettlementPeriod.Kind.WRITTEN_OFF) {
      return WRITTEN_OFF;
    }
    return cloudAccountId == null ? settlementMethod : settlementMethod + ":" + cloudAccountId;
  }
}
