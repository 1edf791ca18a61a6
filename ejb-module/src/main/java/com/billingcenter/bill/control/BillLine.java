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
 * the line (in its currency); null when the list price of the site's currency did.
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
    String agreementId) {

  /** The group of usage of a locked workspace charged to nobody (see {@link #group}). */
  public static final String WRITTEN_OFF = "written-off";

  /** The same line, priced by the AWS agreement {@code id}. */
  public BillLine withAgreement(String id) {
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
        id);
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
