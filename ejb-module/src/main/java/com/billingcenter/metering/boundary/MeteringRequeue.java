package com.billingcenter.metering.boundary;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.UtcTimes;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;

/**
 * An operator sends refused or too-late metering records again, once what made them fail is mended
 * (a dimension added to the listing, AWS's month-end grace): each goes back to pending with its
 * attempts cleared, and the owner of each cloud account concerned finds it in their audit log. The
 * sender then treats them as any pending record (a too-late one is flagged again while AWS's window
 * for its hour is closed).
 */
@Stateless
public class MeteringRequeue {

  /** Who requeues, in the audit log. */
  public static final String ACTOR = "operator";

  /** The states an operator may requeue: the flagged ones nothing else will send again. */
  public static final Set<MeteringState> REQUEUEABLE =
      Set.of(MeteringState.REFUSED, MeteringState.TOO_LATE);

  /** The longest range of hours one call covers. */
  public static final Duration MAX_RANGE = Duration.ofDays(31);

  /** What a call did: records sent back to pending, of how many cloud accounts. */
  public record Requeued(int records, int cloudAccounts) {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Audit audit;

  /**
   * Requeues the records in {@code states} of hours in {@code [from, to)}, of one cloud account or
   * (null) of all, in one transaction with their audit entries.
   *
   * @throws RuleViolation {@code metering.requeueStates} for no state or one that is not refused or
   *     too late, {@code metering.range} for an empty range or one longer than 31 days
   */
  public Requeued requeue(
      Set<MeteringState> states, Long cloudAccountId, Instant from, Instant to, String reason) {
    return requeue(states, cloudAccountId, from, to, reason, ACTOR);
  }

  /** As {@link #requeue(Set, Long, Instant, Instant, String)}, audited as {@code actor}. */
  public Requeued requeue(
      Set<MeteringState> states,
      Long cloudAccountId,
      Instant from,
      Instant to,
      String reason,
      String actor) {
    if (states.isEmpty() || !REQUEUEABLE.containsAll(states)) {
      throw new RuleViolation(
          "metering.requeueStates", "Only refused and too_late records can be requeued.");
    }
    if (!from.isBefore(to) || Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
      throw new RuleViolation(
          "metering.range", "The range must start before it ends and span at most 31 days.");
    }
    List<String> names = states.stream().map(MeteringState::name).sorted().toList();
    String where =
        " WHERE m.state IN ("
            + String.join(", ", Collections.nCopies(names.size(), "?"))
            + ") AND m.usage_hour >= ? AND m.usage_hour < ?"
            + (cloudAccountId == null ? "" : " AND m.cloud_account_id = ?");
    record Account(long id, Long owner, int records) {}
    List<Account> accounts = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (PreparedStatement select =
          c.prepareStatement(
              "SELECT m.cloud_account_id, a.owner_id, COUNT(*) FROM metering_record m"
                  + " JOIN cloud_account a ON a.id = m.cloud_account_id"
                  + where
                  + " GROUP BY m.cloud_account_id, a.owner_id ORDER BY m.cloud_account_id")) {
        bind(select, names, from, to, cloudAccountId, 1);
        try (ResultSet rows = select.executeQuery()) {
          while (rows.next()) {
            long owner = rows.getLong(2);
            accounts.add(
                new Account(rows.getLong(1), rows.wasNull() ? null : owner, rows.getInt(3)));
          }
        }
      }
      int records;
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE metering_record m SET state = 'PENDING', attempts = 0,"
                  + " last_error = ?, version = version + 1"
                  + where)) {
        update.setString(1, "requeued by an operator" + (reason == null ? "" : ": " + reason));
        bind(update, names, from, to, cloudAccountId, 2);
        records = update.executeUpdate();
      }
      for (Account account : accounts) {
        audit.record(
            account.owner(),
            actor,
            "metering.requeued",
            "cloudAccount",
            account.id(),
            describe(names, account.records(), from, to, null),
            describe(List.of(MeteringState.PENDING.name()), account.records(), from, to, reason));
      }
      return new Requeued(records, accounts.size());
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot requeue metering records: " + e, e);
    }
  }

  /** Sets the WHERE clause's parameters, from parameter {@code first} on. */
  private static void bind(
      PreparedStatement statement,
      List<String> states,
      Instant from,
      Instant to,
      Long account,
      int first)
      throws SQLException {
    int i = first;
    for (String state : states) {
      statement.setString(i++, state);
    }
    statement.setObject(i++, UtcTimes.local(from));
    statement.setObject(i++, UtcTimes.local(to));
    if (account != null) {
      statement.setLong(i, account);
    }
  }

  private static String describe(
      List<String> states, int records, Instant from, Instant to, String reason) {
    var names = JsonText.PROVIDER.createArrayBuilder();
    states.forEach(s -> names.add(s.toLowerCase(Locale.ROOT)));
    var json =
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("states", names)
            .add("records", records)
            .add("from", from.toString())
            .add("to", to.toString());
    if (reason != null) {
      json.add("reason", reason);
    }
    return json.build().toString();
  }
}
