package com.billingcenter.metering.control;

import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.platform.entity.UtcTimes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of writing one hour's metering records (the outbox) on one connection: claiming the hour
 * for the accounts and inserting a record per account and dimension (the usage is read by {@link
 * Allocations#read}, which also splits it per workspace).
 */
final class HourRecords {

  private final Connection c;
  private final boolean postgres;
  private final Instant hour;

  HourRecords(Connection c, boolean postgres, Instant hour) {
    this.c = c;
    this.postgres = postgres;
    this.hour = hour;
  }

  /**
   * Moves the accounts' {@code metered_through} past the hour; returns those it moved. An account
   * whose hour someone else wrote meanwhile is left out (its {@code metered_through} moved on).
   */
  List<Long> claim(Collection<Long> accountIds) throws SQLException {
    List<Long> ids = new ArrayList<>(accountIds);
    List<Long> claimed = new ArrayList<>();
    try (PreparedStatement advance =
        c.prepareStatement(
            "UPDATE cloud_account SET metered_through = ? WHERE id = ?"
                + " AND (metered_through IS NULL OR metered_through = ?)")) {
      for (long id : ids) {
        advance.setObject(1, UtcTimes.local(hour.plus(Duration.ofHours(1))));
        advance.setLong(2, id);
        advance.setObject(3, UtcTimes.local(hour));
        advance.addBatch();
      }
      int[] counts = advance.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        if (counts[i] == 1) {
          claimed.add(ids.get(i));
        }
      }
    }
    return claimed;
  }

  /** The units of an hour's record: its own usage and the late usage carried into it. */
  static long total(long own, LateUsage.Carried late) {
    return late == null ? own : Math.addExact(own, late.quantity());
  }

  /**
   * Inserts a record per account and dimension of {@code quantities} (in its order), with the late
   * usage {@code late} carried into it, less what the account's contract includes ({@code
   * included}); pending, not metered at all for a contract paid upfront only, before a future-dated
   * agreement starts (as {@link Allowances.Included#rest} says), or flagged too late when {@code
   * tooLate} says why. Returns how many were written.
   */
  int insert(
      Map<Long, Map<String, Long>> quantities,
      Map<Long, Map<String, LateUsage.Carried>> late,
      Map<Long, Map<String, Allowances.Included>> included,
      Set<Long> finalFlush,
      String tooLate,
      Instant now)
      throws SQLException {
    MeteringState pending = tooLate != null ? MeteringState.TOO_LATE : MeteringState.PENDING;
    String nextId =
        postgres ? "nextval('metering_record_seq')" : "NEXT VALUE FOR metering_record_seq";
    int written = 0;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO metering_record (id, cloud_account_id, dimension, usage_hour, quantity,"
                + " computed_at, state, attempts, final_flush, last_error, version,"
                + " late_quantity, late_from, late_until, included_quantity, agreement_id)"
                + " VALUES ("
                + nextId
                + ", ?, ?, ?, ?, ?, ?, 0, ?, ?, 1, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<Long, Map<String, Long>> account : quantities.entrySet()) {
        long id = account.getKey();
        Map<String, LateUsage.Carried> carried = late.getOrDefault(id, Map.of());
        Map<String, Allowances.Included> ofAccount = included.getOrDefault(id, Map.of());
        for (Map.Entry<String, Long> q : account.getValue().entrySet()) {
          LateUsage.Carried lateUsage = carried.get(q.getKey());
          Allowances.Included contract = ofAccount.get(q.getKey());
          long total = total(q.getValue(), lateUsage);
          long inContract = contract == null ? 0 : contract.units();
          MeteringState state = contract == null || tooLate != null ? pending : contract.rest();
          insert.setLong(1, id);
          insert.setString(2, q.getKey());
          insert.setObject(3, UtcTimes.local(hour));
          insert.setLong(4, total - inContract);
          insert.setObject(5, UtcTimes.local(now));
          insert.setString(6, state.name());
          insert.setBoolean(7, finalFlush.contains(id));
          if (tooLate != null) {
            insert.setString(8, tooLate);
          } else {
            insert.setNull(8, Types.VARCHAR);
          }
          insert.setLong(9, lateUsage == null ? 0 : lateUsage.quantity());
          if (lateUsage == null) {
            insert.setNull(10, Types.TIMESTAMP);
            insert.setNull(11, Types.TIMESTAMP);
          } else {
            insert.setObject(10, UtcTimes.local(lateUsage.from()));
            insert.setObject(11, UtcTimes.local(lateUsage.until()));
          }
          insert.setLong(12, inContract);
          if (contract == null) {
            insert.setNull(13, Types.VARCHAR);
          } else {
            insert.setString(13, contract.agreementId());
          }
          insert.addBatch();
          written++;
        }
      }
      insert.executeBatch();
    }
    return written;
  }
}
