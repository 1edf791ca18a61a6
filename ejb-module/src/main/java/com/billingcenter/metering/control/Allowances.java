package com.billingcenter.metering.control;

import com.billingcenter.marketplace.entity.AgreementTerms;
import com.billingcenter.marketplace.entity.AgreementTerms.PricingModel;
import com.billingcenter.platform.control.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What of an hour's usage a contract already paid for (Seller Guide, "SaaS contracts": for a
 * contract with consumption "you only meter for usage beyond a customer's contract entitlements";
 * for a contract, "your application never sends metering records"). Per account, the newest
 * agreement of its license whose terms were read; per dimension, the units it bought less those the
 * account's earlier records of that agreement included. The hour's records are written in the same
 * transaction as their hour's claim, one hour after another, so each unit is included once, across
 * the account's workspaces and sites, restarts and instances. An agreement is one contract period:
 * a renewal is a new agreement with units of its own.
 */
final class Allowances {

  /** An account's contract: its agreement, its model and the units it bought per dimension. */
  record Contract(String agreementId, PricingModel model, Map<String, Long> purchased) {

    /** Whether AWS is sent no usage at all. */
    boolean upfrontOnly() {
      return model == PricingModel.CONTRACT;
    }
  }

  /** Of one record: the units included, and the agreement they count against. */
  record Included(String agreementId, long units, boolean upfrontOnly) {}

  private Allowances() {}

  /** The contracts of the accounts that have one (contract, or contract with consumption). */
  static Map<Long, Contract> contracts(Connection c, List<Long> accounts) throws SQLException {
    record Row(long account, String agreement, String model, String purchased) {}
    Map<Long, Contract> contracts = new HashMap<>();
    if (accounts.isEmpty()) {
      return contracts;
    }
    java.util.Set<Long> seen = new java.util.HashSet<>();
    for (Row row :
        Sql.list(
            c,
            "SELECT c.id, a.agreement_id, a.pricing_model, a.purchased"
                + " FROM cloud_account c JOIN marketplace_agreement a"
                + " ON a.provider = c.provider AND a.license_key = c.license_id"
                + " WHERE a.terms_state = 'READ' AND c.id IN ("
                + Sql.placeholders(accounts.size())
                + ") ORDER BY c.id, a.linked_at DESC, a.id DESC",
            r -> new Row(r.getLong(1), r.getString(2), r.getString(3), r.getString(4)),
            accounts)) {
      // Newest agreement first: an account's first row is the agreement in force.
      if (!seen.add(row.account()) || row.model() == null) {
        continue;
      }
      PricingModel model = PricingModel.valueOf(row.model());
      if (model == PricingModel.CONTRACT || model == PricingModel.CONTRACT_WITH_CONSUMPTION) {
        contracts.put(
            row.account(),
            new Contract(row.agreement(), model, AgreementTerms.readQuantities(row.purchased())));
      }
    }
    return contracts;
  }

  /**
   * Splits each account's {@code totals} (dimension → units of the hour, late ones included) into
   * what its contract includes and the rest; returns the included units per account and dimension.
   */
  static Map<Long, Map<String, Included>> split(
      Connection c, Map<Long, Contract> contracts, Map<Long, Map<String, Long>> totals)
      throws SQLException {
    Map<Long, Map<String, Included>> included = new HashMap<>();
    for (Map.Entry<Long, Contract> entry : contracts.entrySet()) {
      long account = entry.getKey();
      Contract contract = entry.getValue();
      Map<String, Long> used = usedSoFar(c, account, contract.agreementId());
      Map<String, Included> ofAccount = new LinkedHashMap<>();
      for (Map.Entry<String, Long> total : totals.getOrDefault(account, Map.of()).entrySet()) {
        long bought = contract.purchased().getOrDefault(total.getKey(), 0L);
        long left = Math.max(0, bought - used.getOrDefault(total.getKey(), 0L));
        long units = Math.min(total.getValue(), left);
        ofAccount.put(
            total.getKey(), new Included(contract.agreementId(), units, contract.upfrontOnly()));
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
