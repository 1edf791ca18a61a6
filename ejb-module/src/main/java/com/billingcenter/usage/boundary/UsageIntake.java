package com.billingcenter.usage.boundary;

import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.usage.control.HourCloses;
import com.billingcenter.usage.control.UsageBatch;
import com.billingcenter.usage.control.UsageDays;
import com.billingcenter.usage.control.UsageRefused;
import com.billingcenter.usage.control.UsageRows;
import com.billingcenter.usage.entity.ReportedUsage;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * that metering carries it to a later hour) within the lateness horizon. What is wrong with a
 * record is {@link UsageBatch}'s to say, the SQL {@link UsageRows}'s; the batch is added to the
 * bills' daily roll-up ({@link UsageDays}) in the same transaction.
 */
@Stateless
public class UsageIntake {

  /**
   * What a batch came to: records stored, of which {@code late} for an hour already closed (billed
   * in their hour, metered with a later one), and records stored before (duplicates).
   */
  public record Receipt(int accepted, int late, int duplicates) {}

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
   * @param records the batch, in order; {@code readProblems} already found while reading it (by
   *     index)
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
    UsageBatch batch =
        UsageBatch.check(
            siteCode,
            records,
            readProblems,
            item -> items.find(item).isPresent(),
            now,
            lateHorizon);
    try (Connection connection = dataSource.getConnection()) {
      UsageRows rows = new UsageRows(connection, siteCode);
      // The hours stay open until this transaction ends, and the time after the lock decides
      // which records are late: metering reads an hour either after them or before they count.
      Instant at = closes.holdOpen(connection, rows.postgres(), batch.hours());
      List<ReportedUsage> fresh =
          batch.fresh(rows.workspaces(batch.workspaceIds()), rows.stored(lookUp(batch, rows)), now);
      batch.refuseIfAny();
      Set<String> inserted = rows.insert(fresh, at, acceptFor);
      // Ids stored by another batch since (PostgreSQL skips them): duplicates or refusals, and a
      // refusal now rolls back what was inserted (UsageRefused rolls the transaction back).
      batch.foundStored(
          fresh.stream().filter(r -> !inserted.contains(r.id())).toList(),
          rows.stored(notInserted(fresh, inserted)));
      batch.refuseIfAny();
      List<ReportedUsage> added = fresh.stream().filter(r -> inserted.contains(r.id())).toList();
      UsageDays.add(connection, rows.postgres(), added);
      int late = (int) added.stream().filter(r -> r.late(at, acceptFor)).count();
      return new Receipt(added.size(), late, batch.duplicates());
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

  /**
   * The ids to look up before storing. PostgreSQL finds the ids stored before by the insert itself
   * (ON CONFLICT), so that the common case reads nothing; elsewhere they are looked up first.
   * Records out of time are looked up everywhere: a stored one is a duplicate, not a refusal.
   */
  private static Set<String> lookUp(UsageBatch batch, UsageRows rows) {
    return rows.postgres() ? batch.idsOutOfTime() : batch.ids();
  }

  private static Set<String> notInserted(List<ReportedUsage> fresh, Set<String> inserted) {
    Set<String> ids = new LinkedHashSet<>();
    fresh.stream().map(ReportedUsage::id).filter(id -> !inserted.contains(id)).forEach(ids::add);
    return ids;
  }
}
