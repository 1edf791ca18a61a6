package com.billingcenter.metering.control;

import com.billingcenter.metering.entity.DimensionQuantities;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.usage.entity.BillingItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Usage a site reported after its hour closed, which that hour's metering record may not hold: it
 * is carried to the next hour metering writes for the cloud account that settled it (the settlement
 * in effect when the usage's own hour began), since the marketplace keeps the first quantity it is
 * sent for an hour (API reference, BatchMeterUsage: a record for a customer, hour and dimension
 * already metered is answered {@code DuplicateRecord} and changes nothing). Each late row is
 * carried once: the hour it went into is written on it.
 */
final class LateUsage {

  private LateUsage() {}

  /** Late usage carried into one record: how much, and the oldest and newest hour it is of. */
  record Carried(long quantity, Instant from, Instant until) {

    Carried plus(Carried other) {
      return new Carried(
          Math.addExact(quantity, other.quantity),
          from.isBefore(other.from) ? from : other.from,
          until.isAfter(other.until) ? until : other.until);
    }
  }

  /**
   * Takes the late usage of these accounts that no record holds yet, of hours up to {@code hour},
   * into {@code hour}: marks each row carried there and returns it summed per account and dimension
   * (items without a dimension are marked too: they are not metered).
   */
  static Map<Long, Map<String, Carried>> carry(
      Connection c, Instant hour, List<Long> accounts, Collection<BillingItem> items)
      throws SQLException {
    Map<String, String> dimensionOf = DimensionQuantities.dimensionOf(items);
    record Row(String site, String id, long account, String item, Instant hour, long quantity) {}
    String sql =
        "SELECT u.site_code, u.record_id, p.cloud_account_id, u.billing_item, u.usage_hour,"
            + " u.quantity"
            + SettledUsage.FROM
            + " AND u.late = TRUE AND u.carried_to IS NULL AND u.usage_hour <= ?"
            + " AND p.cloud_account_id IN ("
            + Sql.placeholders(accounts.size())
            + ")";
    List<Row> rows =
        Sql.list(
            c,
            sql,
            found ->
                new Row(
                    found.getString(1),
                    found.getString(2),
                    found.getLong(3),
                    found.getString(4),
                    UtcTimes.read(found, 5),
                    found.getLong(6)),
            hour,
            accounts);
    Map<Long, Map<String, Carried>> carried = new HashMap<>();
    if (rows.isEmpty()) {
      return carried;
    }
    try (PreparedStatement mark =
        c.prepareStatement(
            "UPDATE usage_record SET carried_to = ? WHERE site_code = ? AND record_id = ?"
                + " AND carried_to IS NULL")) {
      for (Row row : rows) {
        mark.setObject(1, UtcTimes.local(hour));
        mark.setString(2, row.site());
        mark.setString(3, row.id());
        mark.addBatch();
      }
      int[] counts = mark.executeBatch();
      for (int i = 0; i < counts.length; i++) {
        Row row = rows.get(i);
        String dimension = dimensionOf.get(row.item());
        // A row another writer carried meanwhile (counts 0) is that writer's.
        if (counts[i] != 0 && dimension != null) {
          carried
              .computeIfAbsent(row.account(), a -> new HashMap<>())
              .merge(dimension, new Carried(row.quantity(), row.hour(), row.hour()), Carried::plus);
        }
      }
    }
    return carried;
  }
}
