package com.billingcenter.metering.control;

import com.billingcenter.marketplace.control.MeteredUsage;
import com.billingcenter.metering.entity.DimensionQuantities;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.usage.entity.BillingItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each metering record's usage per workspace and site, which the record is sent with as AWS's
 * {@code UsageAllocations} (API reference, UsageRecord and UsageAllocation; Seller Guide,
 * "Vendor-metered tagging"), so that a buyer who activates the cost-allocation tags sees the charge
 * per workspace. Written with the hour's records from the hour's own usage; what a contract
 * included is taken from the first workspaces (by id), and the late usage carried into a record
 * stays untagged.
 */
final class Allocations {

  /** One workspace's part of a record. */
  record Part(long workspaceId, String siteCode, long quantity) {}

  private Allocations() {}

  /** One row of an hour's own usage: an account's, a workspace's on a site, of one item. */
  record Row(long account, long workspace, String site, String item, long quantity) {}

  /**
   * The hour's own usage (not late) of the accounts' workspaces, per workspace, site and item: one
   * read that gives both the records' quantities ({@link #perItem}) and their parts ({@link
   * #parts}).
   */
  static List<Row> read(Connection c, Instant hour, List<Long> accounts) throws SQLException {
    return Sql.list(
        c,
        "SELECT p.cloud_account_id, u.workspace_id, u.site_code, u.billing_item, SUM(u.quantity)"
            + SettledUsage.FROM
            + " AND u.usage_hour = ? AND u.late = FALSE AND p.cloud_account_id IN ("
            + Sql.placeholders(accounts.size())
            + ") GROUP BY p.cloud_account_id, u.workspace_id, u.site_code, u.billing_item",
        r -> new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getString(4), r.getLong(5)),
        hour,
        accounts);
  }

  /** The usage per account and billing item. */
  static Map<Long, Map<String, Long>> perItem(List<Row> rows) {
    Map<Long, Map<String, Long>> usage = new HashMap<>();
    for (Row row : rows) {
      usage
          .computeIfAbsent(row.account(), k -> new HashMap<>())
          .merge(row.item(), row.quantity(), Math::addExact);
    }
    return usage;
  }

  /** The usage per account, dimension and workspace, in workspace order. */
  static Map<Long, Map<String, List<Part>>> parts(List<Row> rows, Collection<BillingItem> items) {
    Map<String, String> dimensions = DimensionQuantities.dimensionOf(items);
    Map<Long, Map<String, Map<List<Object>, Long>>> sums = new HashMap<>();
    for (Row row : rows) {
      String dimension = dimensions.get(row.item());
      if (dimension != null && row.quantity() > 0) {
        sums.computeIfAbsent(row.account(), k -> new HashMap<>())
            .computeIfAbsent(dimension, k -> new HashMap<>())
            .merge(List.of(row.workspace(), row.site()), row.quantity(), Math::addExact);
      }
    }
    Map<Long, Map<String, List<Part>>> parts = new HashMap<>();
    sums.forEach(
        (account, byDimension) ->
            byDimension.forEach(
                (dimension, byWorkspace) -> {
                  List<Part> list = new ArrayList<>();
                  byWorkspace.forEach(
                      (key, quantity) ->
                          list.add(new Part((Long) key.get(0), (String) key.get(1), quantity)));
                  list.sort(
                      Comparator.comparingLong(Part::workspaceId).thenComparing(Part::siteCode));
                  parts.computeIfAbsent(account, k -> new HashMap<>()).put(dimension, list);
                }));
    return parts;
  }

  /** The parts less {@code included} units, taken from the first parts. */
  static List<Part> lessIncluded(List<Part> parts, long included) {
    List<Part> left = new ArrayList<>();
    long toTake = included;
    for (Part part : parts) {
      long taken = Math.min(toTake, part.quantity());
      toTake -= taken;
      if (part.quantity() > taken) {
        left.add(new Part(part.workspaceId(), part.siteCode(), part.quantity() - taken));
      }
    }
    return left;
  }

  /** Keeps the parts of the hour's records, less what each account's contract included. */
  static void insert(
      Connection c,
      Instant hour,
      Map<Long, Map<String, List<Part>>> parts,
      Map<Long, Map<String, Allowances.Included>> included)
      throws SQLException {
    if (parts.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO metering_allocation (cloud_account_id, dimension, usage_hour,"
                + " workspace_id, site_code, quantity) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (Map.Entry<Long, Map<String, List<Part>>> account : parts.entrySet()) {
        Map<String, Allowances.Included> ofAccount =
            included.getOrDefault(account.getKey(), Map.of());
        for (Map.Entry<String, List<Part>> dimension : account.getValue().entrySet()) {
          Allowances.Included contract = ofAccount.get(dimension.getKey());
          for (Part part :
              lessIncluded(dimension.getValue(), contract == null ? 0 : contract.units())) {
            insert.setLong(1, account.getKey());
            insert.setString(2, dimension.getKey());
            insert.setObject(3, UtcTimes.local(hour));
            insert.setLong(4, part.workspaceId());
            insert.setString(5, part.siteCode());
            insert.setLong(6, part.quantity());
            insert.addBatch();
          }
        }
      }
      insert.executeBatch();
    }
  }

  /** The parts of these records (by record id). */
  static Map<Long, List<Part>> ofRecords(Connection c, List<Long> recordIds) throws SQLException {
    Map<Long, List<Part>> parts = new HashMap<>();
    for (int from = 0; from < recordIds.size(); from += 500) {
      List<Long> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + 500));
      record Row(long record, long workspace, String site, long quantity) {}
      for (Row row :
          Sql.list(
              c,
              "SELECT m.id, a.workspace_id, a.site_code, a.quantity FROM metering_allocation a"
                  + " JOIN metering_record m ON m.cloud_account_id = a.cloud_account_id"
                  + " AND m.dimension = a.dimension AND m.usage_hour = a.usage_hour"
                  + " WHERE m.id IN ("
                  + Sql.placeholders(chunk.size())
                  + ") ORDER BY m.id, a.workspace_id, a.site_code",
              r -> new Row(r.getLong(1), r.getLong(2), r.getString(3), r.getLong(4)),
              chunk)) {
        parts
            .computeIfAbsent(row.record(), k -> new ArrayList<>())
            .add(new Part(row.workspace(), row.site(), row.quantity()));
      }
    }
    return parts;
  }

  /** AWS: at most 2,500 allocations a usage record. */
  static final int MAX_ALLOCATIONS = 2500;

  /**
   * The records with their usage per workspace and site as allocations tagged {@code workspace} and
   * {@code site} (AWS allows 5 tag keys and values of letters, digits and {@code +-=._:/@}: ids and
   * site codes are such), the rest of the quantity untagged; an empty quantity is not split. At
   * most {@link #MAX_ALLOCATIONS} allocations a record: the rest untagged.
   */
  static List<MeteringStore.Pending> split(
      List<MeteringStore.Pending> pending, Map<Long, List<Part>> parts) {
    List<MeteringStore.Pending> split = new ArrayList<>(pending.size());
    for (MeteringStore.Pending p : pending) {
      List<Part> ofRecord = parts.getOrDefault(p.id(), List.of());
      if (p.quantity() == 0 || ofRecord.isEmpty() || p.quantity() > Integer.MAX_VALUE) {
        split.add(p);
        continue;
      }
      List<MeteredUsage.Allocation> allocations = new ArrayList<>();
      long tagged = 0;
      for (Part part : ofRecord) {
        if (allocations.size() == MAX_ALLOCATIONS - 1 || tagged + part.quantity() > p.quantity()) {
          break;
        }
        allocations.add(
            new MeteredUsage.Allocation(
                (int) part.quantity(),
                Map.of("workspace", Long.toString(part.workspaceId()), "site", part.siteCode())));
        tagged += part.quantity();
      }
      if (tagged < p.quantity()) {
        allocations.add(new MeteredUsage.Allocation((int) (p.quantity() - tagged), Map.of()));
      }
      split.add(
          new MeteringStore.Pending(
              p.id(),
              p.provider(),
              p.productCode(),
              p.accountId(),
              p.license(),
              p.dimension(),
              p.hour(),
              p.quantity(),
              p.attempts(),
              List.copyOf(allocations)));
    }
    return split;
  }
}
