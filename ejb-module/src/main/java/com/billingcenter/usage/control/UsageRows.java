package com.billingcenter.usage.control;

import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.SqlArrays;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.usage.entity.ReportedUsage;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of usage intake for one site's batch on one connection, for both databases: PostgreSQL
 * takes arrays ({@code = ANY (?)}, one {@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO
 * NOTHING}), others {@code IN (…)} lists and JDBC batches.
 */
public final class UsageRows {

  /** Workspace ids and record ids are looked up this many at a time. */
  private static final int LOOKUP_CHUNK = 1000;

  /** Rows inserted per JDBC batch (not on PostgreSQL). */
  private static final int INSERT_BATCH = 500;

  /** What intake reads of a workspace: enough for {@link Workspace#usageRefusal}. */
  public record WorkspaceState(WorkspaceStatus status, Instant countdownEnd, boolean usageStopped) {

    /** Why the workspace takes no usage at {@code now}, or empty when it does. */
    public Optional<String> usageRefusal(Instant now) {
      return Workspace.usageRefusal(status, countdownEnd, usageStopped, now);
    }

    /** Whether it takes no usage while this lock lasts (locked again soon after a lock). */
    public boolean stopped() {
      return status == WorkspaceStatus.LOCKED && usageStopped;
    }
  }

  private final Connection connection;
  private final boolean postgres;
  private final String siteCode;

  public UsageRows(Connection connection, String siteCode) throws SQLException {
    this.connection = connection;
    this.postgres = Databases.isPostgres(connection);
    this.siteCode = siteCode;
  }

  public boolean postgres() {
    return postgres;
  }

  /**
   * These of the site's workspaces. On PostgreSQL their rows are held (shared) until the batch is
   * stored: a lock, an unlock or a full lock of one of them, which changes who pays for its usage,
   * comes wholly before or after the batch's roll-up.
   */
  public Map<Long, WorkspaceState> workspaces(Set<Long> ids) throws SQLException {
    Map<Long, WorkspaceState> found = new HashMap<>();
    String columns =
        "SELECT id, status, countdown_ends_at, usage_stopped FROM workspace WHERE site_code = ?";
    for (List<Long> chunk : chunks(new ArrayList<>(ids))) {
      try (PreparedStatement select =
          select(columns + " AND id", chunk, "bigint", postgres ? " ORDER BY id FOR SHARE" : "")) {
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.put(
                rows.getLong(1),
                new WorkspaceState(
                    WorkspaceStatus.valueOf(rows.getString(2)),
                    UtcTimes.read(rows, 3),
                    rows.getBoolean(4)));
          }
        }
      }
    }
    return found;
  }

  /** The records of the site already stored under these ids. */
  public Map<String, ReportedUsage> stored(Set<String> ids) throws SQLException {
    Map<String, ReportedUsage> found = new HashMap<>();
    String columns =
        "SELECT record_id, workspace_id, billing_item, usage_hour, quantity FROM usage_record"
            + " WHERE site_code = ?";
    for (List<String> chunk : chunks(new ArrayList<>(ids))) {
      try (PreparedStatement select = select(columns + " AND record_id", chunk, "varchar", "")) {
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.put(
                rows.getString(1),
                new ReportedUsage(
                    rows.getString(1),
                    rows.getLong(2),
                    rows.getString(3),
                    UtcTimes.read(rows, 4),
                    rows.getLong(5)));
          }
        }
      }
    }
    return found;
  }

  /**
   * Inserts the records, received {@code now}; returns the ids inserted. On PostgreSQL an id the
   * site used before (in another batch meanwhile) is skipped, not inserted; elsewhere it fails the
   * insert (SQL state 23505).
   */
  public Set<String> insert(List<ReportedUsage> records, Instant now, Duration acceptFor)
      throws SQLException {
    if (records.isEmpty()) {
      return Set.of();
    }
    return postgres
        ? insertUnnest(records, now, acceptFor)
        : insertBatches(records, now, acceptFor);
  }

  private static final String INSERT =
      "INSERT INTO usage_record (site_code, record_id, workspace_id, billing_item, usage_hour,"
          + " quantity, received_at, late)";

  private Set<String> insertUnnest(List<ReportedUsage> records, Instant now, Duration acceptFor)
      throws SQLException {
    Set<String> inserted = new HashSet<>();
    try (PreparedStatement insert =
        connection.prepareStatement(
            INSERT
                + " SELECT ?, r.id, r.w, r.b, r.h, r.q, ?, r.l"
                + " FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::timestamp[],"
                + " ?::bigint[], ?::boolean[]) AS r (id, w, b, h, q, l)"
                + " ON CONFLICT (site_code, record_id) DO NOTHING RETURNING record_id")) {
      insert.setString(1, siteCode);
      insert.setObject(2, UtcTimes.local(now));
      SqlArrays.columns(records)
          .add("varchar", ReportedUsage::id)
          .add("bigint", ReportedUsage::workspaceId)
          .add("varchar", ReportedUsage::billingItem)
          .add("timestamp", r -> UtcTimes.local(r.hour()))
          .add("bigint", ReportedUsage::quantity)
          .add("boolean", r -> r.late(now, acceptFor))
          .bind(insert, 3);
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          inserted.add(rows.getString(1));
        }
      }
    }
    return inserted;
  }

  private Set<String> insertBatches(List<ReportedUsage> records, Instant now, Duration acceptFor)
      throws SQLException {
    Set<String> inserted = new HashSet<>();
    try (PreparedStatement insert =
        connection.prepareStatement(INSERT + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      LocalDateTime received = UtcTimes.local(now);
      int pending = 0;
      for (ReportedUsage r : records) {
        insert.setString(1, siteCode);
        insert.setString(2, r.id());
        insert.setLong(3, r.workspaceId());
        insert.setString(4, r.billingItem());
        insert.setObject(5, UtcTimes.local(r.hour()));
        insert.setLong(6, r.quantity());
        insert.setObject(7, received);
        insert.setBoolean(8, r.late(now, acceptFor));
        insert.addBatch();
        inserted.add(r.id());
        if (++pending == INSERT_BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
    return inserted;
  }

  /**
   * A select of {@code sql} (its first parameter the site) whose last condition is the column
   * before it being one of {@code values} ({@link SqlArrays#oneOf}); then {@code tail}.
   */
  private PreparedStatement select(String sql, List<?> values, String sqlType, String tail)
      throws SQLException {
    PreparedStatement select =
        connection.prepareStatement(sql + SqlArrays.oneOf(postgres, values.size()) + tail);
    try {
      select.setString(1, siteCode);
      SqlArrays.bindOneOf(select, 2, postgres, sqlType, values);
      return select;
    } catch (SQLException e) {
      select.close();
      throw e;
    }
  }

  private static <T> List<List<T>> chunks(List<T> all) {
    List<List<T>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK)));
    }
    return chunks;
  }
}
