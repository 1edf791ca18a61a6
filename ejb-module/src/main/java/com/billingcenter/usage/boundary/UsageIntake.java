package com.billingcenter.usage.boundary;

import com.billingcenter.platform.control.Databases;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.usage.control.HourCloses;
import com.billingcenter.usage.control.UsageDays;
import com.billingcenter.usage.entity.ReportedUsage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Takes the usage a site reports, a batch at a time: the whole batch is stored or none of it. A
 * record sent again with its id is counted once, whenever it comes; the same id with another record
 * is refused. Usage of an hour that has closed is late, not wrong: it is stored (flagged late, so
 * that metering carries it to a later hour) within the lateness horizon. Rows are written in bulk
 * (PostgreSQL: one {@code INSERT … SELECT FROM unnest(…)} per batch; others: JDBC batches), and
 * added to the bills' daily roll-up ({@link UsageDays}) in the same transaction.
 */
@Stateless
public class UsageIntake {

  /** What a stored batch did. */
  /**
   * What a batch came to: records stored, of which {@code late} for an hour already closed (billed
   * in their hour, metered with a later one), and records stored before (duplicates).
   */
  public record Receipt(int accepted, int late, int duplicates) {}

  /** Workspace ids and record ids are looked up this many at a time. */
  private static final int LOOKUP_CHUNK = 1000;

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject BillingItems items;
  @Inject HourCloses closes;

  @Inject
  @ConfigProperty(name = "billing.usage.accept-for", defaultValue = "PT15M")
  Duration acceptFor;

  /** How old an hour's usage may be and still be taken (billed in its hour, metered later). */
  @Inject
  @ConfigProperty(name = "billing.usage.late-horizon", defaultValue = "P30D")
  Duration lateHorizon;

  @Inject
  @ConfigProperty(name = "billing.usage.max-batch", defaultValue = "10000")
  int maxBatch;

  public int maxBatch() {
    return maxBatch;
  }

  public Duration acceptFor() {
    return acceptFor;
  }

  /**
   * Stores a site's batch.
   *
   * @param siteCode the site the caller authenticated as
   * @param records the batch, in order; {@code problems} already found while reading it (by index)
   * @throws UsageRefused when anything is wrong with any record; nothing is stored then
   */
  public Receipt receive(
      String siteCode, List<ReportedUsage> records, Map<Integer, String> readProblems) {
    if (records.size() > maxBatch) {
      throw new UsageRefused(
          "A batch holds at most " + maxBatch + " records; this one has " + records.size() + ".",
          List.of());
    }
    Instant now = clock.instant();
    List<UsageRefused.Problem> problems = new ArrayList<>();
    Map<String, ReportedUsage> byId = new LinkedHashMap<>();
    Set<Long> workspaceIds = new LinkedHashSet<>();
    boolean[] valid = new boolean[records.size()];
    // Time rules come after the duplicate check: a retry of a stored record is a duplicate even
    // when its hour has since left the horizon.
    Map<Integer, String> timeProblems = new HashMap<>();
    // The hours of the records that may be stored: held open while this transaction stores them.
    Set<Instant> hours = new java.util.TreeSet<>();
    for (int i = 0; i < records.size(); i++) {
      ReportedUsage record = records.get(i);
      String readProblem = readProblems.get(i);
      if (readProblem != null || record == null) {
        problems.add(new UsageRefused.Problem(i, record == null ? null : record.id(), readProblem));
        continue;
      }
      String problem = record.problem().orElse(null);
      if (problem == null && items.find(record.billingItem()).isEmpty()) {
        problem = "unknown billingItem '" + record.billingItem() + "'";
      }
      ReportedUsage earlier = problem == null ? byId.putIfAbsent(record.id(), record) : null;
      if (earlier != null && !earlier.sameAs(record)) {
        problem = "id " + record.id() + " appears twice in the batch with different records";
      }
      if (problem != null) {
        problems.add(new UsageRefused.Problem(i, record.id(), problem));
      } else {
        valid[i] = true;
        workspaceIds.add(record.workspaceId());
        String timeProblem = record.timeProblem(now, lateHorizon).orElse(null);
        if (timeProblem != null) {
          timeProblems.put(i, timeProblem);
        } else {
          hours.add(record.hour());
        }
      }
    }
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres = Databases.isPostgres(connection);
      // The hours stay open until this transaction ends, and the time after the lock decides
      // which records are late: metering reads an hour either after them or before they count.
      Instant at = closes.holdOpen(connection, postgres, hours);
      Map<Long, String> workspaces = workspaces(connection, postgres, siteCode, workspaceIds);
      // PostgreSQL finds the ids stored before by the insert itself (ON CONFLICT), so that the
      // common case reads nothing; elsewhere they are looked up first. Records with a time problem
      // are looked up everywhere: a stored one is a duplicate, not a refusal.
      Set<String> lookUp = new LinkedHashSet<>();
      if (postgres) {
        timeProblems.keySet().forEach(i -> lookUp.add(records.get(i).id()));
      } else {
        lookUp.addAll(byId.keySet());
      }
      Map<String, ReportedUsage> stored = stored(connection, postgres, siteCode, lookUp);
      List<ReportedUsage> fresh = new ArrayList<>();
      Map<String, Integer> indexOf = new HashMap<>();
      int duplicates = 0;
      for (int i = 0; i < records.size(); i++) {
        if (!valid[i]) {
          continue;
        }
        ReportedUsage record = records.get(i);
        String state = workspaces.get(record.workspaceId());
        ReportedUsage before = stored.get(record.id());
        if (before != null && before.sameAs(record)) {
          duplicates++;
        } else if (before != null) {
          problems.add(reportedBefore(i, record));
        } else if (timeProblems.containsKey(i)) {
          problems.add(new UsageRefused.Problem(i, record.id(), timeProblems.get(i)));
        } else if (state == null) {
          problems.add(
              new UsageRefused.Problem(
                  i, record.id(), "no workspace " + record.workspaceId() + " on site " + siteCode));
        } else if ("FULLY_LOCKED".equals(state)) {
          problems.add(
              new UsageRefused.Problem(
                  i, record.id(), "workspace " + record.workspaceId() + " is fully locked"));
        } else if ("DISSOLVED".equals(state)) {
          problems.add(
              new UsageRefused.Problem(
                  i, record.id(), "workspace " + record.workspaceId() + " was dissolved"));
        } else if (indexOf.putIfAbsent(record.id(), i) != null) {
          duplicates++;
        } else {
          fresh.add(record);
        }
      }
      refuseIfAny(problems, records.size());
      List<ReportedUsage> added;
      if (postgres) {
        Set<String> inserted = insertPostgres(connection, siteCode, fresh, at, acceptFor);
        List<String> already =
            fresh.stream().map(ReportedUsage::id).filter(id -> !inserted.contains(id)).toList();
        Map<String, ReportedUsage> earlier =
            stored(connection, true, siteCode, new LinkedHashSet<>(already));
        for (ReportedUsage record : fresh) {
          ReportedUsage before = earlier.get(record.id());
          if (before == null) {
            continue;
          }
          if (before.sameAs(record)) {
            duplicates++;
          } else {
            problems.add(reportedBefore(indexOf.get(record.id()), record));
          }
        }
        // A refusal now rolls back what was inserted (UsageRefused rolls the transaction back).
        refuseIfAny(problems, records.size());
        added = fresh.stream().filter(r -> inserted.contains(r.id())).toList();
      } else {
        insertBatches(connection, siteCode, fresh, at, acceptFor);
        added = fresh;
      }
      UsageDays.add(connection, postgres, added);
      int late = (int) added.stream().filter(r -> r.late(at, acceptFor)).count();
      return new Receipt(added.size(), late, duplicates);
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        // The same id arrived in another batch at the very same moment: this one can be retried.
        throw new UsageRefused(
            "Another batch stored some of these ids at the same time; send the batch again.",
            List.of());
      }
      throw new IllegalStateException("Usage could not be stored: " + e.getMessage(), e);
    }
  }

  private static UsageRefused.Problem reportedBefore(int index, ReportedUsage record) {
    return new UsageRefused.Problem(
        index, record.id(), "id " + record.id() + " was reported before with another record");
  }

  private static void refuseIfAny(List<UsageRefused.Problem> problems, int records) {
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(UsageRefused.Problem::index));
      throw new UsageRefused(
          problems.size() + " of " + records + " records are not valid; none was stored.",
          problems);
    }
  }

  /**
   * The status of each of these workspaces that is on the site. On PostgreSQL their rows are held
   * (shared) until the batch is stored: a lock, an unlock or a full lock of one of them, which
   * changes who pays for its usage, comes wholly before or after the batch's roll-up.
   */
  private static Map<Long, String> workspaces(
      Connection connection, boolean postgres, String siteCode, Set<Long> ids) throws SQLException {
    Map<Long, String> found = new HashMap<>();
    List<Long> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
      List<Long> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
      String sql =
          postgres
              ? "SELECT id, status FROM workspace WHERE site_code = ? AND id = ANY (?)"
                  + " ORDER BY id FOR SHARE"
              : "SELECT id, status FROM workspace WHERE site_code = ? AND id IN ("
                  + placeholders(chunk.size())
                  + ")";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, siteCode);
        if (postgres) {
          select.setArray(2, connection.createArrayOf("bigint", chunk.toArray()));
        } else {
          for (int i = 0; i < chunk.size(); i++) {
            select.setLong(i + 2, chunk.get(i));
          }
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.put(rows.getLong(1), rows.getString(2));
          }
        }
      }
    }
    return found;
  }

  /** The records of the site already stored under these ids. */
  private static Map<String, ReportedUsage> stored(
      Connection connection, boolean postgres, String siteCode, Set<String> ids)
      throws SQLException {
    Map<String, ReportedUsage> found = new HashMap<>();
    List<String> all = new ArrayList<>(ids);
    for (int from = 0; from < all.size(); from += LOOKUP_CHUNK) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + LOOKUP_CHUNK));
      String columns = "SELECT record_id, workspace_id, billing_item, usage_hour, quantity";
      String sql =
          postgres
              ? columns + " FROM usage_record WHERE site_code = ? AND record_id = ANY (?)"
              : columns
                  + " FROM usage_record WHERE site_code = ? AND record_id IN ("
                  + placeholders(chunk.size())
                  + ")";
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        select.setString(1, siteCode);
        if (postgres) {
          select.setArray(2, connection.createArrayOf("varchar", chunk.toArray()));
        } else {
          for (int i = 0; i < chunk.size(); i++) {
            select.setString(i + 2, chunk.get(i));
          }
        }
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            found.put(
                rows.getString(1),
                new ReportedUsage(
                    rows.getString(1),
                    rows.getLong(2),
                    rows.getString(3),
                    rows.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC),
                    rows.getLong(5)));
          }
        }
      }
    }
    return found;
  }

  /** Inserts the records whose ids the site has not used before; returns the ids inserted. */
  private static Set<String> insertPostgres(
      Connection connection,
      String siteCode,
      List<ReportedUsage> records,
      Instant now,
      Duration acceptFor)
      throws SQLException {
    Set<String> inserted = new java.util.HashSet<>();
    if (records.isEmpty()) {
      return inserted;
    }
    int n = records.size();
    String[] ids = new String[n];
    Long[] workspaces = new Long[n];
    String[] billingItems = new String[n];
    LocalDateTime[] hours = new LocalDateTime[n];
    Long[] quantities = new Long[n];
    Boolean[] late = new Boolean[n];
    for (int i = 0; i < n; i++) {
      ReportedUsage r = records.get(i);
      ids[i] = r.id();
      workspaces[i] = r.workspaceId();
      billingItems[i] = r.billingItem();
      hours[i] = LocalDateTime.ofInstant(r.hour(), ZoneOffset.UTC);
      quantities[i] = r.quantity();
      late[i] = r.late(now, acceptFor);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO usage_record"
                + " (site_code, record_id, workspace_id, billing_item, usage_hour, quantity,"
                + " received_at, late)"
                + " SELECT ?, r.id, r.w, r.b, r.h, r.q, ?, r.l"
                + " FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::timestamp[],"
                + " ?::bigint[], ?::boolean[]) AS r (id, w, b, h, q, l)"
                + " ON CONFLICT (site_code, record_id) DO NOTHING RETURNING record_id")) {
      Array idArray = connection.createArrayOf("varchar", ids);
      insert.setString(1, siteCode);
      insert.setObject(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
      insert.setArray(3, idArray);
      insert.setArray(4, connection.createArrayOf("bigint", workspaces));
      insert.setArray(5, connection.createArrayOf("varchar", billingItems));
      insert.setArray(6, connection.createArrayOf("timestamp", hours));
      insert.setArray(7, connection.createArrayOf("bigint", quantities));
      insert.setArray(8, connection.createArrayOf("boolean", late));
      try (ResultSet rows = insert.executeQuery()) {
        while (rows.next()) {
          inserted.add(rows.getString(1));
        }
      }
    }
    return inserted;
  }

  private static void insertBatches(
      Connection connection,
      String siteCode,
      List<ReportedUsage> records,
      Instant now,
      Duration acceptFor)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO usage_record"
                + " (site_code, record_id, workspace_id, billing_item, usage_hour, quantity,"
                + " received_at, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      LocalDateTime received = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
      int pending = 0;
      for (ReportedUsage r : records) {
        insert.setString(1, siteCode);
        insert.setString(2, r.id());
        insert.setLong(3, r.workspaceId());
        insert.setString(4, r.billingItem());
        insert.setObject(5, LocalDateTime.ofInstant(r.hour(), ZoneOffset.UTC));
        insert.setLong(6, r.quantity());
        insert.setObject(7, received);
        insert.setBoolean(8, r.late(now, acceptFor));
        insert.addBatch();
        if (++pending == 500) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }
}
