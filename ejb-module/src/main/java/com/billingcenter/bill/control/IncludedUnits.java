package com.billingcenter.bill.control;

import com.billingcenter.marketplace.control.AgreementsInForce;
import com.billingcenter.marketplace.control.AgreementsInForce.ReadAgreement;
import com.billingcenter.marketplace.entity.AgreementTerms.PricingModel;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.workspace.entity.SettlementPeriod;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * What a contract already paid for, or a free trial gives away, shows on the bill at 0.00
 * ("included"), as AWS charges it: a contract with consumption is charged "only usage beyond a
 * customer's contract entitlements" (Seller Guide, "SaaS contracts"), a trial nothing within its
 * grants ({@link TrialGrants}). The month's included units per cloud account and dimension are
 * those metering counted against the contract ({@code metering_record.included_quantity}, by the
 * hour of the usage); on the bill they are taken from the account's lines of that dimension in
 * workspace order, as metering takes them from the first workspaces' allocations. Usage not metered
 * yet (the last hour) shows at the rate until it is.
 */
final class IncludedUnits {

  private IncludedUnits() {}

  /**
   * Per cloud account of the owner and dimension: the units included in {@code month}, by a
   * contract or free within a trial's grants ({@link TrialGrants}).
   */
  static Map<Long, Map<String, Long>> ofMonth(
      DataSource dataSource,
      long ownerId,
      YearMonth month,
      Map<Long, AgreementsInForce.OfAccount> agreements) {
    Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    record Sum(long account, String dimension, long units) {}
    Map<Long, Map<String, Long>> included = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (Sum sum :
          Sql.list(
              c,
              "SELECT r.cloud_account_id, r.dimension, SUM(r.included_quantity)"
                  + " FROM metering_record r JOIN cloud_account c ON c.id = r.cloud_account_id"
                  + " WHERE c.owner_id = ? AND r.usage_hour >= ? AND r.usage_hour < ?"
                  + " AND r.included_quantity > 0 GROUP BY r.cloud_account_id, r.dimension",
              r -> new Sum(r.getLong(1), r.getString(2), r.getLong(3)),
              ownerId,
              from,
              to)) {
        included
            .computeIfAbsent(sum.account(), a -> new HashMap<>())
            .merge(sum.dimension(), sum.units(), Long::sum);
      }
      for (Map.Entry<Long, AgreementsInForce.OfAccount> account : agreements.entrySet()) {
        for (ReadAgreement agreement : account.getValue().newestFirst()) {
          if (agreement.model() == PricingModel.FREE_TRIAL) {
            TrialGrants.freeBetween(c, account.getKey(), agreement, from, to)
                .forEach(
                    (d, free) ->
                        included
                            .computeIfAbsent(account.getKey(), a -> new HashMap<>())
                            .merge(d, free, Long::sum));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the units included in " + month + ": " + e, e);
    }
    return included;
  }

  /**
   * The lines with the included units split off: of each line metered to a cloud account (settled
   * by it, or charged to it on unlock), as many units as its account and dimension have left.
   */
  static List<BillLine> apply(
      List<BillLine> lines,
      Map<Long, Map<String, Long>> included,
      Function<String, String> dimensionOfItem) {
    if (included.isEmpty()) {
      return lines;
    }
    Map<Long, Map<String, Long>> left = new HashMap<>();
    included.forEach((account, units) -> left.put(account, new HashMap<>(units)));
    List<BillLine> ordered = new ArrayList<>(lines);
    ordered.sort(Comparator.comparingLong(BillLine::workspaceId));
    Map<BillLine, List<BillLine>> split = new IdentityHashMap<>();
    for (BillLine line : ordered) {
      String dimension = dimensionOfItem.apply(line.billingItem());
      Map<String, Long> ofAccount =
          line.cloudAccountId() == null ? null : left.get(line.cloudAccountId());
      if (ofAccount == null
          || dimension == null
          || !(line.kind() == SettlementPeriod.Kind.SETTLED
              || line.kind() == SettlementPeriod.Kind.WHILE_LOCKED)) {
        continue;
      }
      long units = ofAccount.getOrDefault(dimension, 0L);
      if (units > 0) {
        split.put(line, line.including(units));
        ofAccount.put(dimension, units - Math.min(units, line.quantity()));
      }
    }
    List<BillLine> result = new ArrayList<>();
    for (BillLine line : lines) {
      result.addAll(split.getOrDefault(line, List.of(line)));
    }
    return result;
  }
}
