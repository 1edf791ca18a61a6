package com.billingcenter.workspace.rest;

import com.billingcenter.settlement.control.SettlementOption;

/** A settlement method the workspace may change to; {@code cloudAccountId} only for a cloud. */
public record SettlementOptionJson(String method, Long cloudAccountId, String accountLabel) {

  static SettlementOptionJson of(SettlementOption option) {
    return new SettlementOptionJson(
        option.method(), option.cloudAccountId(), option.accountLabel());
  }
}
