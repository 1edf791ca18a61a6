package com.billingcenter.bill.control;

import com.billingcenter.marketplace.control.AgreementsInForce.ReadAgreement;
import com.billingcenter.platform.control.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What a free trial gives away: "buyers aren't charged anything within a specified limit" (API
 * reference, {@code FreeTrialPricingTerm}: its grants, per dimension, for its duration). Every unit
 * of a trial is metered (docs/aws.md says why), so the free ones are counted from the trial's
 * metered records (those AWS took or will take), oldest hour first: the first units of each
 * dimension within the trial's hours, up to its grant, are free.
 */
final class TrialGrants {

  private TrialGrants() {}

  /** Per dimension, the free units of the trial left at {@code at}. */
  static Map<String, Long> leftAt(Connection c, long account, ReadAgreement trial, Instant at)
      throws SQLException {
    Map<String, Long> left = new HashMap<>(trial.trialGrants());
    Instant[] window = trial.trialWindow(at).orElseThrow();
    Instant until = at.isBefore(window[1]) ? at : window[1];
    if (until.isAfter(window[0])) {
      metered(c, account, trial.agreementId(), window[0], until)
          .forEach((d, used) -> left.computeIfPresent(d, (k, grant) -> Math.max(0, grant - used)));
    }
    return left;
  }

  /** Per dimension, the free units of the trial metered in {@code [from, to)}. */
  static Map<String, Long> freeBetween(
      Connection c, long account, ReadAgreement trial, Instant from, Instant to)
      throws SQLException {
    Map<String, Long> free = new HashMap<>();
    Instant[] window = trial.trialWindow(from).orElseThrow();
    Instant start = from.isAfter(window[0]) ? from : window[0];
    Instant end = to.isBefore(window[1]) ? to : window[1];
    if (!end.isAfter(start)) {
      return free;
    }
    Map<String, Long> left = leftAt(c, account, trial, start);
    metered(c, account, trial.agreementId(), start, end)
        .forEach((d, used) -> free.put(d, Math.min(used, left.getOrDefault(d, 0L))));
    return free;
  }

  /** Whether the record's hour is one of the trial's. */
  static boolean within(ReadAgreement trial, Instant hour) {
    Instant[] window = trial.trialWindow(hour).orElseThrow();
    return !hour.isBefore(window[0]) && hour.isBefore(window[1]);
  }

  private static Map<String, Long> metered(
      Connection c, long account, String agreementId, Instant from, Instant to)
      throws SQLException {
    Map<String, Long> sums = new HashMap<>();
    record Sum(String dimension, long units) {}
    for (Sum sum :
        Sql.list(
            c,
            "SELECT dimension, SUM(quantity) FROM metering_record WHERE cloud_account_id = ?"
                + " AND agreement_id = ? AND usage_hour >= ? AND usage_hour < ?"
                + " AND state IN ('SENT', 'DUPLICATE', 'PENDING') GROUP BY dimension",
            r -> new Sum(r.getString(1), r.getLong(2)),
            account,
            agreementId,
            from,
            to)) {
      sums.put(sum.dimension(), sum.units());
    }
    return sums;
  }
}
