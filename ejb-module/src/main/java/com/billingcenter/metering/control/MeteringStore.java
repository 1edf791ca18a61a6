package com.billingcenter.metering.control;

import com.billingcenter.cloudaccount.entity.BuyerLicense;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.CloudAccountStatus;
import com.billingcenter.marketplace.control.MeteredUsage;
import com.billingcenter.metering.entity.DimensionQuantities;
import com.billingcenter.metering.entity.MeteringHours;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.JobLeases;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.usage.control.HourCloses;
import com.billingcenter.usage.entity.BillingItem;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The metering job's database work, each method in a transaction of its own: the lease that makes
 * one instance the sender, writing an hour's records (the outbox) and recording the marketplace's
 * answers. Plain SQL in bulk, so that 10,000 licenses take seconds.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MeteringStore {

  static final String LEASE = "metering";

  /** Cloud accounts whose hours are written together in one transaction. */
  public static final int ACCOUNTS_PER_CHUNK = 1000;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject HourCloses closes;
  @Inject JobLeases leases;

  /** A cloud account that may have hours to meter. */
  public record Account(
      long id,
      CloudAccountStatus status,
      Instant meteringFrom,
      Instant meteredThrough,
      Instant finalMeteringUntil,
      Instant endedAt) {}

  /** A record to send, with the buyer it is for. */
  public record Pending(
      long id,
      String provider,
      String productCode,
      String accountId,
      BuyerLicense license,
      String dimension,
      Instant hour,
      long quantity,
      int attempts,
      List<MeteredUsage.Allocation> allocations) {

    /** A record not split among workspaces. */
    public Pending(
        long id,
        String provider,
        String productCode,
        String accountId,
        BuyerLicense license,
        String dimension,
        Instant hour,
        long quantity,
        int attempts) {
      this(
          id,
          provider,
          productCode,
          accountId,
          license,
          dimension,
          hour,
          quantity,
          attempts,
          List.of());
    }
  }

  /** What became of a record this time. {@code state} PENDING means: try again later. */
  public record Answer(
      long id, MeteringState state, String awsStatus, String recordId, String error) {}

  // ---- the lease ----

  /** Takes the lease, or keeps it, until {@code now + ttl}; false when another holder has it. */
  public boolean acquire(String holder, Instant now, Duration ttl) {
    return leases.acquire(LEASE, holder, now, ttl);
  }

  /** Lets the lease go at once, if this holder has it. */
  public void release(String holder) {
    leases.release(LEASE, holder);
  }

  // ---- writing the hours ----

  /** The time by which hours are due: the database's, as intake has it (HourCloses). */
  public Instant now() {
    try (Connection c = dataSource.getConnection()) {
      return closes.now(c, Databases.isPostgres(c));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the database's clock: " + e, e);
    }
  }

  /**
   * Every cloud account that is or was metered and has not been metered to its end, in whichever
   * marketplace (partition) it was bought: every cloud account is a marketplace's buyer.
   */
  public List<Account> accounts() {
    String sql =
        "SELECT id, status, COALESCE(metering_from, created_at), metered_through,"
            + " final_metering_until, ended_at FROM cloud_account"
            + " WHERE owner_id IS NOT NULL"
            + " AND status IN ('ACTIVE', 'ENDING', 'ENDED')";
    return Sql.list(
        dataSource,
        "the cloud accounts to meter",
        sql,
        row ->
            new Account(
                row.getLong(1),
                CloudAccountStatus.valueOf(row.getString(2)),
                UtcTimes.read(row, 3),
                UtcTimes.read(row, 4),
                UtcTimes.read(row, 5),
                UtcTimes.read(row, 6)));
  }

  /**
   * Writes the records of one hour for these accounts: the usage of the workspaces each settled
   * when the hour began, summed per dimension, zero where nothing was used, plus the late usage not
   * yet carried ({@link LateUsage}). An account whose hour someone else wrote meanwhile is left
   * alone (its {@code metered_through} moved on).
   *
   * @return the number of records written
   */
  public int writeHour(
      Instant hour,
      Collection<Long> accountIds,
      Set<Long> finalFlush,
      Collection<BillingItem> items,
      Instant now,
      Duration maxLateness) {
    if (accountIds.isEmpty()) {
      return 0;
    }
    try (Connection c = dataSource.getConnection()) {
      boolean postgres = Databases.isPostgres(c);
      // No intake of the hour is going on from here to the commit (HourCloses).
      closes.close(c, postgres, hour);
      HourRecords records = new HourRecords(c, postgres, hour);
      List<Long> claimed = records.claim(accountIds);
      if (claimed.isEmpty()) {
        return 0;
      }
      List<Allocations.Row> rows = Allocations.read(c, hour, claimed);
      Map<Long, Map<String, Long>> usage = Allocations.perItem(rows);
      Map<Long, Map<String, LateUsage.Carried>> late = LateUsage.carry(c, hour, claimed, items);
      String tooLate =
          MeteringHours.tooLate(hour, now, maxLateness)
              ? "older than the marketplace accepts (" + maxLateness + ")"
              : null;
      Map<Long, Map<String, Long>> quantities = new LinkedHashMap<>();
      Map<Long, Map<String, Long>> totals = new LinkedHashMap<>();
      for (long id : claimed) {
        Map<String, Long> ofAccount =
            DimensionQuantities.of(usage.getOrDefault(id, Map.of()), items);
        quantities.put(id, ofAccount);
        Map<String, LateUsage.Carried> carried = late.getOrDefault(id, Map.of());
        Map<String, Long> total = new LinkedHashMap<>();
        ofAccount.forEach((d, q) -> total.put(d, HourRecords.total(q, carried.get(d))));
        totals.put(id, total);
      }
      // What the agreements in force already paid for is included, not metered.
      var included = Allowances.split(c, hour, totals);
      if (tooLate == null) {
        Allocations.insert(c, hour, Allocations.parts(rows, items), included);
      }
      return records.insert(quantities, late, included, finalFlush, tooLate, now);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot write the metering records of " + hour + ": " + e, e);
    }
  }

  // ---- sending ----

  /**
   * Up to {@code limit} records still to send, oldest hour first; those the marketplace would no
   * longer take are flagged instead (and not returned).
   */
  public List<Pending> pending(int limit, Instant now, Duration maxLateness) {
    Instant oldest = MeteringHours.oldestAccepted(now, maxLateness);
    update(
        "UPDATE metering_record SET state = 'TOO_LATE', version = version + 1,"
            + " last_error = 'older than the marketplace accepts' WHERE state = 'PENDING'"
            + " AND usage_hour < ?",
        oldest);
    // Each hour goes to the license the account held then: a renewal or replacement may have
    // given it a new one (cloud_account_license keeps the former ones, each until its successor's
    // first hour); the earliest former license held past the hour is the one.
    String sql =
        "SELECT m.id, c.provider, c.product_code, c.provider_account_id,"
            + " COALESCE(f.license_key, c.license_id),"
            + " CASE WHEN f.id IS NULL THEN c.license_arn ELSE f.license_arn END,"
            + " CASE WHEN f.id IS NULL THEN c.customer_identifier ELSE f.customer_identifier END,"
            + " m.dimension, m.usage_hour, m.quantity, m.attempts"
            + " FROM metering_record m JOIN cloud_account c ON c.id = m.cloud_account_id"
            + " LEFT JOIN cloud_account_license f ON f.cloud_account_id = c.id"
            + " AND f.held_until > m.usage_hour AND NOT EXISTS (SELECT 1 FROM"
            + " cloud_account_license g WHERE g.cloud_account_id = c.id"
            + " AND g.held_until > m.usage_hour AND g.held_until < f.held_until)"
            + " WHERE m.state = 'PENDING' ORDER BY m.usage_hour, m.id FETCH FIRST "
            + Math.max(1, limit)
            + " ROWS ONLY";
    List<Pending> pending =
        Sql.list(
            dataSource,
            "the records to send",
            sql,
            row ->
                new Pending(
                    row.getLong(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    CloudAccount.licenseOf(row.getString(5), row.getString(6), row.getString(7)),
                    row.getString(8),
                    UtcTimes.read(row, 9),
                    row.getLong(10),
                    row.getInt(11)));
    return withAllocations(pending);
  }

  /** The records, each split among its workspaces (see {@link Allocations#split}). */
  private List<Pending> withAllocations(List<Pending> pending) {
    if (pending.isEmpty()) {
      return pending;
    }
    try (Connection c = dataSource.getConnection()) {
      return Allocations.split(
          pending, Allocations.ofRecords(c, pending.stream().map(Pending::id).toList()));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the records' allocations: " + e, e);
    }
  }

  /** Keeps what the marketplace said; a record already answered is not changed again. */
  public void record(List<Answer> answers, Instant now) {
    if (answers.isEmpty()) {
      return;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE metering_record SET state = ?, aws_status = COALESCE(?, aws_status),"
                    + " aws_record_id = COALESCE(?, aws_record_id), last_error = ?,"
                    + " sent_at = ?, attempts = attempts + 1, version = version + 1"
                    + " WHERE id = ? AND state = 'PENDING'")) {
      for (Answer a : answers) {
        update.setString(1, a.state().name());
        update.setString(2, a.awsStatus());
        update.setString(3, a.recordId());
        update.setString(4, a.error() == null ? null : truncate(a.error(), 500));
        update.setObject(5, UtcTimes.local(now));
        update.setLong(6, a.id());
        update.addBatch();
      }
      update.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot record the marketplace's answers: " + e, e);
    }
  }

  /** How many records wait to be sent. */
  public int countPending() {
    return Sql.first(
            dataSource,
            "the records to send",
            "SELECT COUNT(*) FROM metering_record WHERE state = 'PENDING'",
            row -> row.getInt(1))
        .orElseThrow();
  }

  private int update(String sql, Object... parameters) {
    return Sql.update(dataSource, "update the metering records", sql, parameters);
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }
}
