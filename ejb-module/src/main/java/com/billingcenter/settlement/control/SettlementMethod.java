package com.billingcenter.settlement.control;

import com.billingcenter.workspace.entity.Settlement;
import java.util.List;

/** One way of paying for workspaces. Implementations are CDI beans; see the package description. */
public interface SettlementMethod {

  /** The code used in the sites file, the database and the API, e.g. {@code billing-center}. */
  String code();

  /**
   * What the account can choose under this method now: one option for the Billing Center account;
   * one per usable cloud account for a cloud (none while the account has registered none).
   */
  List<SettlementOption> options(long ownerId);

  /**
   * The settlement for a choice of the account. Refuses (with a rule violation) a cloud account
   * that is not the owner's or is not usable; {@code cloudAccountId} is ignored where the method
   * has no accounts.
   */
  Settlement settlement(long ownerId, Long cloudAccountId);
}
