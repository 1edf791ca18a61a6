package com.billingcenter.usage.control;

import com.billingcenter.platform.control.SqlArrays;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.usage.entity.ReportedUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The roll-up bills read ({@code usage_day}): a workspace's usage of one billing item on one UTC
 * day under one settlement period, with the period's method, cloud account and kind and the
 * workspace's owner and site. Intake adds each stored batch to it in the same transaction, so that
 * it always equals the sum of the raw rows under the rule of {@code SettledUsage} (the period in
 * effect when the usage's hour began; of two begun at once, the later written).
 */
public final class UsageDays {

  private UsageDays() {}

  /** Workspaces whose periods are read at once. */
  private static final int CHUNK = 1000;

  /** A settlement period as the roll-up copies it. */
  record Period(
      long id,
      Instant validFrom,
      long ownerId,
      String siteCode,
      String method,
      Long cloudAccountId,
      String kind) {}

  /** One row of the roll-up. */
  record Key(long workspaceId, String billingItem, LocalDate day, long periodId)
      implements Comparable<Key> {

    private static final Comparator<Key> ORDER =
        Comparator.comparingLong(Key::workspaceId)
            .thenComparing(Key::billingItem)
            .thenComparing(Key::day)
            .thenComparingLong(Key::periodId);

    @Override
    public int compareTo(Key other) {
      return ORDER.compare(this, other);
    }
  }

  /**
   * Adds these stored records to the roll-up. The caller holds the workspaces' rows (so that a
   * period being resolved or written meanwhile is either wholly before or wholly after).
   */
  public static void add(Connection c, boolean postgres, Collection<ReportedUsage> stored)
      throws SQLException {
    if (stored.isEmpty()) {
      return;
    }
    Map<Long, List<Period>> periods =
        periods(c, postgres, stored.stream().map(ReportedUsage::workspaceId).distinct().toList());
    // Sorted, so that two batches update shared rows in one order and cannot deadlock.
    Map<Key, Long> sums = new TreeMap<>();
    Map<Long, Period> byId = new HashMap<>();
    for (ReportedUsage record : stored) {
      Period period =
          inEffect(periods.getOrDefault(record.workspaceId(), List.of()), record.hour());
      if (period == null) {
        continue; // an hour before the workspace existed: no bill shows it, as with the raw rows
      }
      byId.putIfAbsent(period.id(), period);
      Key key =
          new Key(
              record.workspaceId(),
              record.billingItem(),
              LocalDate.ofInstant(record.hour(), ZoneOffset.UTC),
              period.id());
      sums.merge(key, record.quantity(), Math::addExact);
    }
    List<Sum> rows = new ArrayList<>();
    sums.forEach((key, quantity) -> rows.add(new Sum(key, byId.get(key.periodId()), quantity)));
    if (postgres) {
      upsertPostgres(c, rows);
    } else {
      merge(c, rows);
    }
  }

  /** The period in effect when {@code hour} began, of periods ordered by start then id. */
  static Period inEffect(List<Period> periods, Instant hour) {
    Period found = null;
    for (Period period : periods) {
      if (period.validFrom().isAfter(hour)) {
        break;
      }
      found = period;
    }
    return found;
  }

  private static Map<Long, List<Period>> periods(
      Connection c, boolean postgres, List<Long> workspaceIds) throws SQLException {
    Map<Long, List<Period>> found = new HashMap<>();
    String columns =
        "SELECT p.workspace_id, p.id, p.valid_from, w.owner_id, w.site_code, p.settlement_method,"
            + " p.cloud_account_id, p.kind"
            + " FROM settlement_period p JOIN workspace w ON w.id = p.workspace_id";
    for (int from = 0; from < workspaceIds.size(); from += CHUNK) {
      List<Long> chunk = workspaceIds.subList(from, Math.min(workspaceIds.size(), from + CHUNK));
      String sql =
          columns
              + " WHERE p.workspace_id"
              + SqlArrays.oneOf(postgres, chunk.size())
              + " ORDER BY p.workspace_id, p.valid_from, p.id";
      try (PreparedStatement select = c.prepareStatement(sql)) {
        SqlArrays.bindOneOf(select, 1, postgres, "bigint", chunk);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found
                .computeIfAbsent(rows.getLong(1), w -> new ArrayList<>())
                .add(
                    new Period(
                        rows.getLong(2),
                        UtcTimes.read(rows, 3),
                        rows.getLong(4),
                        rows.getString(5),
                        rows.getString(6),
                        rows.getObject(7) == null ? null : rows.getLong(7),
                        rows.getString(8)));
          }
        }
      }
    }
    return found;
  }

  private static final String COLUMNS =
      "workspace_id, billing_item, usage_day, period_id, owner_id, site_code, settlement_method,"
          + " cloud_account_id, kind, quantity";

  /** A sum to add to its day's row: the usage day, the period that pays for it, the quantity. */
  private record Sum(Key key, Period period, long quantity) {}

  private static void upsertPostgres(Connection c, List<Sum> sums) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "INSERT INTO usage_day ("
                + COLUMNS
                + ") SELECT * FROM unnest(?::bigint[], ?::varchar[], ?::date[], ?::bigint[],"
                + " ?::bigint[], ?::varchar[], ?::varchar[], ?::bigint[], ?::varchar[],"
                + " ?::bigint[])"
                + " ON CONFLICT (workspace_id, billing_item, usage_day, period_id)"
                + " DO UPDATE SET quantity = usage_day.quantity + EXCLUDED.quantity")) {
      SqlArrays.columns(sums)
          .add("bigint", sum -> sum.key().workspaceId())
          .add("varchar", sum -> sum.key().billingItem())
          .add("date", sum -> sum.key().day())
          .add("bigint", sum -> sum.key().periodId())
          .add("bigint", sum -> sum.period().ownerId())
          .add("varchar", sum -> sum.period().siteCode())
          .add("varchar", sum -> sum.period().method())
          .add("bigint", sum -> sum.period().cloudAccountId())
          .add("varchar", sum -> sum.period().kind())
          .add("bigint", Sum::quantity)
          .bind(upsert, 1);
      upsert.executeUpdate();
    }
  }

  private static void merge(Connection c, List<Sum> sums) throws SQLException {
    try (PreparedStatement merge =
        c.prepareStatement(
            "MERGE INTO usage_day d USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(32)),"
                + " CAST(? AS DATE), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS VARCHAR(16)),"
                + " CAST(? AS VARCHAR(32)), CAST(? AS BIGINT), CAST(? AS VARCHAR(16)),"
                + " CAST(? AS BIGINT))) AS s ("
                + COLUMNS
                + ") ON d.workspace_id = s.workspace_id AND d.billing_item = s.billing_item"
                + " AND d.usage_day = s.usage_day AND d.period_id = s.period_id"
                + " WHEN MATCHED THEN UPDATE SET quantity = d.quantity + s.quantity"
                + " WHEN NOT MATCHED THEN INSERT ("
                + COLUMNS
                + ") VALUES (s.workspace_id, s.billing_item, s.usage_day, s.period_id,"
                + " s.owner_id, s.site_code, s.settlement_method, s.cloud_account_id, s.kind,"
                + " s.quantity)")) {
      for (Sum sum : sums) {
        Key key = sum.key();
        Period period = sum.period();
        merge.setLong(1, key.workspaceId());
        merge.setString(2, key.billingItem());
        merge.setObject(3, key.day());
        merge.setLong(4, key.periodId());
        merge.setLong(5, period.ownerId());
        merge.setString(6, period.siteCode());
        merge.setString(7, period.method());
        if (period.cloudAccountId() == null) {
          merge.setNull(8, java.sql.Types.BIGINT);
        } else {
          merge.setLong(8, period.cloudAccountId());
        }
        merge.setString(9, period.kind());
        merge.setLong(10, sum.quantity());
        merge.addBatch();
      }
      merge.executeBatch();
    }
  }
}
