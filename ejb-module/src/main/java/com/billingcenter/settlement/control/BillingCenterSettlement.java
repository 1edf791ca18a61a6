package com.billingcenter.settlement.control;

import com.billingcenter.workspace.entity.Settlement;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The customer pays the Billing Center directly; always available where a site allows it. */
@ApplicationScoped
public class BillingCenterSettlement implements SettlementMethod {

  @Override
  public String code() {
    return Settlement.BILLING_CENTER;
  }

  @Override
  public List<SettlementOption> options(long ownerId) {
    return List.of(new SettlementOption(Settlement.BILLING_CENTER, null, null));
  }

  @Override
  public Settlement settlement(long ownerId, Long cloudAccountId) {
    return Settlement.billingCenterAccount();
  }
}
