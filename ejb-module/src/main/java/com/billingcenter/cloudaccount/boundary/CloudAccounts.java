package com.billingcenter.cloudaccount.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An account's cloud accounts and the workspaces each settles. */
@Stateless
public class CloudAccounts {

  @PersistenceContext EntityManager em;
  @Inject Workspaces workspaces;

  /** Every cloud account of the owner, oldest first, with the workspaces it settles. */
  public Map<CloudAccount, List<Workspace>> withWorkspaces(BillingAccount owner) {
    List<CloudAccount> accounts =
        em.createNamedQuery(CloudAccount.BY_OWNER, CloudAccount.class)
            .setParameter("ownerId", owner.id())
            .getResultList();
    Map<CloudAccount, List<Workspace>> result = new LinkedHashMap<>();
    accounts.forEach(a -> result.put(a, new java.util.ArrayList<>()));
    if (!accounts.isEmpty()) {
      Map<Long, CloudAccount> byId = new LinkedHashMap<>();
      accounts.forEach(a -> byId.put(a.id(), a));
      em.createNamedQuery(Workspace.BY_OWNER_SETTLED_BY_CLOUD, Workspace.class)
          .setParameter("ownerId", owner.id())
          .setParameter("cloudAccountIds", byId.keySet())
          .getResultList()
          .forEach(w -> result.get(byId.get(w.settlement().cloudAccountId())).add(w));
    }
    return result;
  }

  /**
   * The owner's cloud account, or a refusal that looks the same for another's and a missing one.
   */
  public CloudAccount require(BillingAccount owner, long cloudAccountId) {
    CloudAccount account = em.find(CloudAccount.class, cloudAccountId);
    if (account == null || !owner.id().equals(account.ownerId())) {
      throw new RuleViolation("cloudAccount.notFound", "There is no such cloud account.");
    }
    return account;
  }

  /**
   * More workspaces settle by this cloud account from now on: each change follows the site rules
   * and the month limit, and one refusal refuses all.
   */
  public List<Workspace> bind(BillingAccount owner, long cloudAccountId, List<Long> workspaceIds) {
    CloudAccount account = require(owner, cloudAccountId);
    if (workspaceIds.isEmpty()) {
      throw new RuleViolation("workspaces.noneChosen", "Choose at least one workspace.");
    }
    return workspaceIds.stream()
        .map(id -> workspaces.changeSettlement(owner, id, account.provider(), account.id()))
        .toList();
  }
}
