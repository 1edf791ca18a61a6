package com.billingcenter.cloudaccount.control;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.settlement.control.SettlementMethod;
import com.billingcenter.settlement.control.SettlementOption;
import com.billingcenter.workspace.entity.Settlement;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * "Registered Cloud Account Settlement" for one provider: the options are the owner's active cloud
 * accounts of that provider. A cloud account of another customer is refused exactly like one that
 * does not exist.
 */
public abstract class CloudAccountSettlement implements SettlementMethod {

  @PersistenceContext EntityManager em;

  @Override
  public List<SettlementOption> options(long ownerId) {
    return em.createNamedQuery(CloudAccount.BY_OWNER_AND_PROVIDER, CloudAccount.class)
        .setParameter("ownerId", ownerId)
        .setParameter("provider", code())
        .getResultStream()
        .filter(account -> account.canSettleFor(ownerId))
        .map(account -> new SettlementOption(code(), account.id(), account.providerAccountId()))
        .toList();
  }

  @Override
  public Settlement settlement(long ownerId, Long cloudAccountId) {
    CloudAccount account =
        cloudAccountId == null ? null : em.find(CloudAccount.class, cloudAccountId);
    if (account == null || !code().equals(account.provider()) || !account.canSettleFor(ownerId)) {
      throw new RuleViolation(
          "settlement.cloudAccount.unavailable",
          "Choose one of your active, registered " + code() + " cloud accounts.");
    }
    return Settlement.cloudAccount(code(), account.id());
  }
}
