package com.billingcenter.usage.control;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.workspace.entity.SettlementPeriod;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Usage of a locked workspace, which no method pays for while it is locked: kept (in its {@link
 * SettlementPeriod.Kind#UNSETTLED} period) and charged to the method that unlocks the workspace, or
 * written off when the workspace becomes fully locked or is dissolved. Works inside the caller's
 * transaction.
 */
@Dependent
public class UnsettledUsage {

  @PersistenceContext EntityManager em;
  @Inject Audit audit;

  /** The workspace's open unsettled period: its newest period, if that is unsettled. */
  public Optional<SettlementPeriod> open(long workspaceId) {
    return em.createNamedQuery(SettlementPeriod.OF_WORKSPACE_NEWEST_FIRST, SettlementPeriod.class)
        .setParameter("workspaceId", workspaceId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .filter(p -> p.kind() == SettlementPeriod.Kind.UNSETTLED);
  }

  /**
   * Charges the period's usage to the method that unlocked its workspace ({@link
   * SettlementPeriod#chargeTo}) and audits what was charged.
   */
  public void chargeOnUnlock(
      SettlementPeriod period, Workspace workspace, String actor, Object method) {
    Map<String, Long> charged = resolved(period);
    audit.record(
        workspace.ownerId(),
        actor,
        "usage.chargedOnUnlock",
        "workspace",
        workspace.id(),
        "unsettled since " + period.validFrom() + ": " + describe(charged),
        "charged to " + method);
  }

  /**
   * Charges the usage of the workspace's open unsettled period, which no unlocking method paid for
   * (the countdown ended, or the owner dissolved the workspace), to the owner's Billing Center
   * account, and audits it if there was any: nothing a lock's countdown used is free.
   */
  public void chargeToOwner(Workspace workspace, String actor, String why) {
    open(workspace.id())
        .ifPresent(
            period -> {
              period.chargeToOwner();
              Map<String, Long> charged = resolved(period);
              if (!charged.isEmpty()) {
                audit.record(
                    workspace.ownerId(),
                    actor,
                    "usage.chargedToOwner",
                    "workspace",
                    workspace.id(),
                    "unsettled since " + period.validFrom() + ": " + describe(charged),
                    "charged to the owner's Billing Center account: " + why);
              }
            });
  }

  /**
   * Brings the usage of a period just resolved ({@link SettlementPeriod#chargeTo} or {@link
   * SettlementPeriod#chargeToOwner}) into line with it: the bills' roll-up takes its new method and
   * kind, and usage charged to a cloud account is flagged late, so that metering carries it into
   * the next hour it writes for that account (its own hours may be metered already). Returns the
   * period's usage per billing item.
   */
  private Map<String, Long> resolved(SettlementPeriod period) {
    em.flush();
    Map<String, Long> quantities = new TreeMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT billing_item, SUM(quantity) FROM usage_day WHERE period_id = ?"
                    + " GROUP BY billing_item")
            .setParameter(1, period.id())
            .getResultList();
    for (Object[] row : rows) {
      quantities.put((String) row[0], ((Number) row[1]).longValue());
    }
    em.createNativeQuery(
            "UPDATE usage_day SET settlement_method = ?, cloud_account_id = CAST(? AS BIGINT), kind = ?"
                + " WHERE period_id = ?")
        .setParameter(1, period.method())
        .setParameter(2, period.cloudAccountId())
        .setParameter(3, period.kind().name())
        .setParameter(4, period.id())
        .executeUpdate();
    if (period.cloudAccountId() != null) {
      // Every row of the period: its hours began at or after the period, and no later period
      // had begun when it was resolved (the unlock writes the next one).
      em.createNativeQuery(
              "UPDATE usage_record SET late = TRUE WHERE workspace_id = ? AND usage_hour >= ?"
                  + " AND late = FALSE")
          .setParameter(1, period.workspaceId())
          .setParameter(2, UtcTimes.local(period.validFrom()))
          .executeUpdate();
    }
    return quantities;
  }

  /** Quantities per item as an audit text, e.g. {@code api-calls 12, storage-gb 3}. */
  static String describe(Map<String, Long> quantities) {
    StringBuilder text = new StringBuilder();
    quantities.forEach(
        (item, quantity) -> {
          if (text.length() > 0) {
            text.append(", ");
          }
          text.append(item).append(' ').append(quantity);
        });
    return text.length() == 0 ? "no usage" : text.toString();
  }
}
