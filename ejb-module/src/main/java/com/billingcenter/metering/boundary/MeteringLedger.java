package com.billingcenter.metering.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.metering.control.SettledUsage;
import com.billingcenter.metering.entity.DimensionQuantities;
import com.billingcenter.metering.entity.MeteringRecord;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.usage.control.BillingItems;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The metering ledger of a customer's cloud account: for each hour and dimension, the quantity the
 * usage gives now, the quantity sent, the marketplace's answer, and whether they agree. Usage
 * reported after its hour closed is in the record of the hour it was carried to, and the line says
 * which hours it came from.
 */
@Stateless
public class MeteringLedger {

  /** The longest range one ledger request covers. */
  public static final Duration MAX_RANGE = Duration.ofDays(31);

  /**
   * One hour of one dimension. {@code agree}: AWS recorded exactly what the usage gives. {@code
   * lateQuantity}: how much of the record is usage of {@code lateFrom} to {@code lateUntil}
   * reported late and carried here.
   */
  public record Line(
      Instant hour,
      String dimension,
      long computedQuantity,
      long sentQuantity,
      MeteringState state,
      String awsStatus,
      String meteringRecordId,
      boolean agree,
      boolean finalFlush,
      int attempts,
      String lastError,
      long lateQuantity,
      Instant lateFrom,
      Instant lateUntil,
      long includedQuantity)
      implements java.io.Serializable {}

  @PersistenceContext EntityManager em;
  @Inject CloudAccounts cloudAccounts;
  @Inject BillingItems items;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  /**
   * The ledger of {@code [from, to)}, newest hour first.
   *
   * @throws RuleViolation {@code cloudAccount.notFound} for another's or a missing account, {@code
   *     metering.range} for a range that is empty or longer than 31 days
   */
  public List<Line> ledger(BillingAccount owner, long cloudAccountId, Instant from, Instant to) {
    CloudAccount account = cloudAccounts.require(owner, cloudAccountId);
    RuleViolation.requireRange(from, to, MAX_RANGE, "metering.range");
    List<MeteringRecord> records =
        em.createNamedQuery(MeteringRecord.LEDGER, MeteringRecord.class)
            .setParameter("cloudAccountId", account.id())
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    Map<Instant, Map<String, Long>> usage = usage(account.id(), from, to);
    return records.stream()
        .map(
            r -> {
              long computed =
                  DimensionQuantities.of(usage.getOrDefault(r.hour(), Map.of()), items.all())
                      .getOrDefault(r.dimension(), 0L);
              return new Line(
                  r.hour(),
                  r.dimension(),
                  computed,
                  r.quantity(),
                  r.state(),
                  r.awsStatus(),
                  r.awsRecordId(),
                  (r.state() == MeteringState.SENT
                          || r.state() == MeteringState.NOT_METERED
                          || r.state() == MeteringState.BEFORE_START)
                      && computed == r.quantity() + r.includedQuantity(),
                  r.finalFlush(),
                  r.attempts(),
                  r.lastError(),
                  r.lateQuantity(),
                  r.lateFrom(),
                  r.lateUntil(),
                  r.includedQuantity());
            })
        .toList();
  }

  /**
   * What the account's records of each hour should hold, per billing item: the usage of the
   * workspaces it settled when the hour began, reported in time, and the late usage carried there.
   */
  private Map<Instant, Map<String, Long>> usage(long cloudAccountId, Instant from, Instant to) {
    String sql =
        "SELECT CASE WHEN u.late THEN u.carried_to ELSE u.usage_hour END, u.billing_item,"
            + " SUM(u.quantity)"
            + SettledUsage.FROM
            + " AND p.cloud_account_id = ?"
            + " AND ((u.late = FALSE AND u.usage_hour >= ? AND u.usage_hour < ?)"
            + " OR (u.late = TRUE AND u.carried_to >= ? AND u.carried_to < ?))"
            + " GROUP BY CASE WHEN u.late THEN u.carried_to ELSE u.usage_hour END, u.billing_item";
    record Sum(Instant hour, String item, long quantity) {}
    Map<Instant, Map<String, Long>> usage = new HashMap<>();
    for (Sum sum :
        Sql.list(
            dataSource,
            "the usage of cloud account " + cloudAccountId,
            sql,
            row -> new Sum(UtcTimes.read(row, 1), row.getString(2), row.getLong(3)),
            cloudAccountId,
            from,
            to,
            from,
            to)) {
      usage.computeIfAbsent(sum.hour(), h -> new HashMap<>()).put(sum.item(), sum.quantity());
    }
    return usage;
  }
}
