package com.billingcenter.metering.control;

import com.billingcenter.marketplace.control.AgreementsInForce;
import com.billingcenter.marketplace.control.AgreementsInForce.ReadAgreement;
import com.billingcenter.marketplace.entity.AgreementTerms.PricingModel;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.platform.control.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What of an hour's usage the agreement in force then already paid for (Seller Guide, "SaaS
 * contracts": for a contract with consumption "you only meter for usage beyond a customer's
 * contract entitlements"; for a contract, "your application never sends metering records"). Per
 * account, the agreement in force in the hour ({@link AgreementsInForce}); per dimension, the units
 * it bought less those the account's earlier records of that agreement included. The hour's records
 * are written in the same transaction as their hour's claim, one hour after another, so each unit
 * is included once, across the account's workspaces and sites, restarts and instances. An agreement
 * is one contract period: a renewal is a new agreement with units of its own. Before a future-dated
 * agreement's start (and with no agreement in force before it) nothing is metered: its license is
 * provisioned "at its start date" (Seller Guide, future-dated offers).
 */
final class Allowances {

  /**
   * Of one record: the agreement in force in its hour (or the future-dated one not started yet),
   * the units it included, and what becomes of the rest: {@code PENDING} (sent to AWS), {@code
   * NOT_METERED} (a contract paid upfront) or {@code BEFORE_START}.
   */
  record Included(String agreementId, long units, MeteringState rest) {}

  private Allowances() {}

  /**
   * Splits each account's {@code totals} of {@code hour} (dimension → units, late ones included)
   * into what the agreement in force includes and the rest; returns, per account that has a read
   * agreement and dimension, what was included and by which agreement.
   */
  static Map<Long, Map<String, Included>> split(
      Connection c, Instant hour, Map<Long, Map<String, Long>> totals) throws SQLException {
    Map<Long, Map<String, Included>> included = new HashMap<>();
    for (Map.Entry<Long, AgreementsInForce.OfAccount> entry :
        AgreementsInForce.of(c, totals.keySet()).entrySet()) {
      long account = entry.getKey();
      Optional<ReadAgreement> inForce = entry.getValue().at(hour);
      Map<String, Included> ofAccount = new LinkedHashMap<>();
      if (inForce.isEmpty()) {
        String later = entry.getValue().notStartedAt(hour).orElseThrow().agreementId();
        totals
            .get(account)
            .keySet()
            .forEach(d -> ofAccount.put(d, new Included(later, 0, MeteringState.BEFORE_START)));
        included.put(account, ofAccount);
        continue;
      }
      ReadAgreement agreement = inForce.get();
      boolean contract =
          agreement.model() == PricingModel.CONTRACT
              || agreement.model() == PricingModel.CONTRACT_WITH_CONSUMPTION;
      Map<String, Long> used = contract ? usedSoFar(c, account, agreement.agreementId()) : Map.of();
      for (Map.Entry<String, Long> total : totals.get(account).entrySet()) {
        long bought = contract ? agreement.purchased().getOrDefault(total.getKey(), 0L) : 0;
        long left = Math.max(0, bought - used.getOrDefault(total.getKey(), 0L));
        ofAccount.put(
            total.getKey(),
            new Included(
                agreement.agreementId(),
                Math.min(total.getValue(), left),
                agreement.model() == PricingModel.CONTRACT
                    ? MeteringState.NOT_METERED
                    : MeteringState.PENDING));
      }
      included.put(account, ofAccount);
    }
    return included;
  }

  private static Map<String, Long> usedSoFar(Connection c, long account, String agreementId)
      throws SQLException {
    Map<String, Long> used = new HashMap<>();
    record Sum(String dimension, long units) {}
    for (Sum sum :
        Sql.list(
            c,
            "SELECT dimension, SUM(included_quantity) FROM metering_record"
                + " WHERE cloud_account_id = ? AND agreement_id = ? GROUP BY dimension",
            r -> new Sum(r.getString(1), r.getLong(2)),
            account,
            agreementId)) {
      used.put(sum.dimension(), sum.units());
    }
    return used;
  }
}
