package com.billingcenter.cloudaccount.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.control.Entitlement;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
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
  /**
   * The contract entitlements last recorded for the cloud account (see {@code
   * SubscriptionLifecycle}), in the order the marketplace gave them; empty when none were.
   */
  public static List<Entitlement> entitlementsOf(CloudAccount account) {
    if (account.entitlements() == null || account.entitlements().isBlank()) {
      return List.of();
    }
    List<Entitlement> entitlements = new ArrayList<>();
    try (JsonReader reader =
        JsonText.PROVIDER.createReader(new StringReader(account.entitlements()))) {
      for (JsonValue item : reader.readArray()) {
        if (item instanceof JsonObject e && e.get("dimension") instanceof JsonString dimension) {
          entitlements.add(
              new Entitlement(
                  dimension.getString(),
                  e.getString("value", null),
                  e.get("expiresAt") instanceof JsonString at
                      ? Instant.parse(at.getString())
                      : null));
        }
      }
    } catch (RuntimeException unreadable) {
      return List.of();
    }
    return entitlements;
  }

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
