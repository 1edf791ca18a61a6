package com.billingcenter.settlement.control;

/**
 * One choice in Change Settlement Method. {@code cloudAccountId} and {@code accountLabel} (e.g. the
 * AWS account id) are null for the Billing Center account.
 */
public record SettlementOption(String method, Long cloudAccountId, String accountLabel)
    implements java.io.Serializable {

  /** A stable key for forms: {@code billing-center} or {@code aws:123}. */
  public String key() {
    return cloudAccountId == null ? method : method + ":" + cloudAccountId;
  }
}
