package com.billingcenter.metering.boundary;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.notice.control.Notices;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Usage beyond what a contract paid upfront bought: AWS is sent nothing for such a contract ("your
 * application never sends metering records", Seller Guide, "SaaS contracts"), so the units beyond
 * the purchase are kept as not metered and nobody pays for them. The owner gets a notice (and a
 * mail), the audit log an entry and the operators a warning in the server log, once per agreement
 * and dimension, from its first such hour ({@code contract_overage}). Hours before a future-dated
 * contract starts are not beyond it: they are {@code BEFORE_START}, not {@code NOT_METERED}, so
 * every row read is an overage, and those of a flagged agreement and dimension are not read again.
 * Every five minutes, on every instance; a second instance's attempt at the same flag fails its key
 * and changes nothing.
 */
@Stateless
public class ContractOverages {

  private static final Logger LOG = Logger.getLogger(ContractOverages.class.getName());

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @PersistenceContext EntityManager em;
  @Inject Notices notices;
  @Inject Audit audit;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.metering.enabled", defaultValue = "true")
  boolean enabled;

  /** An agreement's dimension used beyond the contract: its first hour and the units so far. */
  public record Overage(
      long cloudAccountId, String agreementId, String dimension, Instant firstHour, long units) {}

  @Schedule(hour = "*", minute = "*/5", second = "37", persistent = false)
  void everyFiveMinutes() {
    if (enabled) {
      try {
        flagNew();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Contract overages were not checked; the next check goes on.", e);
      }
    }
  }

  /** Tells of each agreement and dimension newly used beyond its contract; returns them. */
  public java.util.List<Overage> flagNew() {
    record Row(long account, String agreement, String dimension, Instant hour, long units) {}
    Map<String, Overage> found = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (Row row :
          Sql.list(
              c,
              "SELECT r.cloud_account_id, r.agreement_id, r.dimension, r.usage_hour, r.quantity"
                  + " FROM metering_record r"
                  + " JOIN marketplace_agreement a ON a.agreement_id = r.agreement_id"
                  + " WHERE r.state = 'NOT_METERED' AND r.quantity > 0"
                  + " AND a.pricing_model = 'CONTRACT' AND NOT EXISTS (SELECT 1 FROM"
                  + " contract_overage o WHERE o.agreement_id = r.agreement_id"
                  + " AND o.dimension = r.dimension) ORDER BY r.usage_hour"
                  + " FETCH FIRST 1000 ROWS ONLY",
              r ->
                  new Row(
                      r.getLong(1),
                      r.getString(2),
                      r.getString(3),
                      UtcTimes.read(r, 4),
                      r.getLong(5)))) {
        found.merge(
            row.agreement() + " " + row.dimension(),
            new Overage(row.account(), row.agreement(), row.dimension(), row.hour(), row.units()),
            (a, b) ->
                new Overage(
                    a.cloudAccountId(),
                    a.agreementId(),
                    a.dimension(),
                    a.firstHour(),
                    a.units() + b.units()));
      }
      for (Overage overage : found.values()) {
        flag(c, overage);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot check the contracts' overages: " + e, e);
    }
    return java.util.List.copyOf(found.values());
  }

  private void flag(Connection c, Overage overage) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO contract_overage (agreement_id, dimension, cloud_account_id, first_hour,"
                + " flagged_at) VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, overage.agreementId());
      insert.setString(2, overage.dimension());
      insert.setLong(3, overage.cloudAccountId());
      insert.setTimestamp(4, Timestamp.valueOf(UtcTimes.local(overage.firstHour())));
      insert.setTimestamp(5, Timestamp.valueOf(UtcTimes.local(clock.instant())));
      insert.executeUpdate();
    }
    CloudAccount account = em.find(CloudAccount.class, overage.cloudAccountId());
    LOG.warning(
        () ->
            "Operators: usage beyond the contract of agreement "
                + overage.agreementId()
                + " (cloud account "
                + overage.cloudAccountId()
                + ", dimension "
                + overage.dimension()
                + ") since "
                + overage.firstHour()
                + ": "
                + overage.units()
                + " units so far that AWS is not sent and nobody pays for.");
    if (account == null || account.ownerId() == null) {
      return;
    }
    notices.contractOverage(account.ownerId(), account, overage.dimension(), overage.firstHour());
    audit.record(
        account.ownerId(),
        AuditEntry.SYSTEM,
        "cloudAccount.contractOverage",
        "cloudAccount",
        account.id(),
        null,
        "agreement "
            + overage.agreementId()
            + ": "
            + overage.dimension()
            + " used beyond the contract since "
            + overage.firstHour());
  }
}
