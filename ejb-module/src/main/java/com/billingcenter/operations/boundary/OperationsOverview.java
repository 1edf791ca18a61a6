package com.billingcenter.operations.boundary;

import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.bill.control.BillCalendar;
import com.billingcenter.operations.control.Gauge;
import com.billingcenter.operations.control.Gauges;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * What the operators' console shows of the whole Billing Center, read only: metering per hour and
 * marketplace partition (records by state), the licenses AWS answered {@code CustomerNotSubscribed}
 * for, and each recent month's close (bills final, still to be made before the close, not made
 * after it).
 */
@Stateless
public class OperationsOverview {

  /** Hours of metering shown. */
  static final int HOURS = 48;

  /** Months of closing shown. */
  static final int MONTHS = 4;

  /** One hour of one partition: its records by state. */
  public record MeteringHour(
      Instant hour,
      String partition,
      long sent,
      long pending,
      long notMetered,
      long refused,
      long tooLate,
      long notSubscribed)
      implements java.io.Serializable {}

  /** A license AWS answered {@code CustomerNotSubscribed} for, and its last such hour. */
  public record NotSubscribed(long cloudAccountId, String license, Instant lastHour, long records)
      implements java.io.Serializable {}

  /**
   * A month's close: customers with usage in it, bills made final, and those not final yet (after
   * {@code closesAt}: blocked, e.g. a line without a price, or still in the hourly run's queue).
   */
  public record MonthClose(
      YearMonth month,
      Instant closesAt,
      long customers,
      long finalBills,
      long notFinal,
      List<Blocked> blocked)
      implements java.io.Serializable {}

  /**
   * Why bills of a month are blocked: {@code accounts} customers' bills have lines of {@code
   * billingItem} without a price in {@code currency}; {@code firstAccount} is one of them.
   */
  public record Blocked(String billingItem, String currency, long accounts, long firstAccount)
      implements java.io.Serializable {}

  /** A lifecycle event kept waiting for the license or agreement it names, with its body. */
  public record WaitingEvent(
      long id,
      String channel,
      String messageId,
      String change,
      String license,
      String agreement,
      Instant occurredAt,
      Instant receivedAt,
      String rawBody)
      implements java.io.Serializable {}

  /**
   * A lifecycle message an endpoint refused although AWS sent it, with why and its body; {@code
   * settledAs} says whether an operator replayed ("replayed: OUTCOME") or discarded it, and who.
   */
  public record RefusedEvent(
      long id,
      String channel,
      Instant receivedAt,
      String reason,
      String rawBody,
      Instant settledAt,
      String settledBy,
      String settledAs)
      implements java.io.Serializable {

    public boolean open() {
      return settledAt == null;
    }
  }

  /** An operator's action, newest first: who, when, what, to what, and the after value. */
  public record StaffAction(
      Instant at, String actor, String action, Long accountId, String subject, String after)
      implements java.io.Serializable {}

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Gauges gauges;
  @Inject BillCalendar calendar;
  @Inject Clock clock;

  public List<Gauge> gauges() {
    return gauges.read();
  }

  /** The last {@value #HOURS} hours' metering, newest first. */
  public List<MeteringHour> metering() {
    Instant from = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(HOURS));
    record Key(Instant hour, String partition) {}
    Map<Key, long[]> counts = new LinkedHashMap<>();
    record Count(Key key, String state, long records) {}
    for (Count c :
        Sql.list(
            dataSource,
            "the metering per hour",
            "SELECT m.usage_hour, c.provider, m.state, COUNT(*) FROM metering_record m"
                + " JOIN cloud_account c ON c.id = m.cloud_account_id WHERE m.usage_hour >= ?"
                + " GROUP BY m.usage_hour, c.provider, m.state"
                + " ORDER BY m.usage_hour DESC, c.provider",
            r ->
                new Count(
                    new Key(UtcTimes.read(r, 1), r.getString(2)), r.getString(3), r.getLong(4)),
            from)) {
      int slot =
          switch (c.state()) {
            case "SENT", "DUPLICATE" -> 0;
            case "PENDING" -> 1;
            case "NOT_METERED", "BEFORE_START" -> 2;
            case "REFUSED" -> 3;
            case "TOO_LATE" -> 4;
            default -> 5;
          };
      counts.computeIfAbsent(c.key(), k -> new long[6])[slot] += c.records();
    }
    List<MeteringHour> hours = new ArrayList<>();
    counts.forEach(
        (key, n) ->
            hours.add(
                new MeteringHour(key.hour(), key.partition(), n[0], n[1], n[2], n[3], n[4], n[5])));
    return hours;
  }

  /** The licenses AWS answered {@code CustomerNotSubscribed} for in the last 7 days. */
  public List<NotSubscribed> notSubscribed() {
    return Sql.list(
        dataSource,
        "the licenses not subscribed",
        "SELECT c.id, COALESCE(c.license_arn, c.license_id), MAX(m.usage_hour), COUNT(*)"
            + " FROM metering_record m JOIN cloud_account c ON c.id = m.cloud_account_id"
            + " WHERE m.state = 'NOT_SUBSCRIBED' AND m.usage_hour >= ?"
            + " GROUP BY c.id, COALESCE(c.license_arn, c.license_id) ORDER BY c.id",
        r -> new NotSubscribed(r.getLong(1), r.getString(2), UtcTimes.read(r, 3), r.getLong(4)),
        clock.instant().minus(Duration.ofDays(7)));
  }

  /** The last {@value #MONTHS} months' close, this one first. */
  public List<MonthClose> months() {
    List<MonthClose> months = new ArrayList<>();
    YearMonth month = YearMonth.from(clock.instant().atZone(java.time.ZoneOffset.UTC));
    for (int i = 0; i < MONTHS; i++, month = month.minusMonths(1)) {
      YearMonth m = month;
      long[] counts =
          Sql.first(
                  dataSource,
                  "the close of " + m,
                  "SELECT (SELECT COUNT(DISTINCT owner_id) FROM usage_day"
                      + " WHERE usage_day >= ? AND usage_day < ?),"
                      + " (SELECT COUNT(*) FROM bill WHERE bill_month = ?)",
                  r -> new long[] {r.getLong(1), r.getLong(2)},
                  m.atDay(1),
                  m.plusMonths(1).atDay(1),
                  m.atDay(1))
              .orElse(new long[2]);
      months.add(
          new MonthClose(
              m,
              calendar.closesAt(m),
              counts[0],
              counts[1],
              Math.max(0, counts[0] - counts[1]),
              Sql.list(
                  dataSource,
                  "the blocked bills of " + m,
                  "SELECT k.billing_item, k.currency, COUNT(*), MIN(k.owner_id) FROM bill_blocked k"
                      + " WHERE k.bill_month = ? AND NOT EXISTS (SELECT 1 FROM bill b"
                      + " WHERE b.owner_id = k.owner_id AND b.bill_month = k.bill_month)"
                      + " GROUP BY k.billing_item, k.currency"
                      + " ORDER BY COUNT(*) DESC, billing_item, currency",
                  r -> new Blocked(r.getString(1), r.getString(2), r.getLong(3), r.getLong(4)),
                  m.atDay(1))));
    }
    return months;
  }

  /** The lifecycle events waiting for a license or agreement, newest first (at most 200). */
  public List<WaitingEvent> waitingEvents() {
    return Sql.list(
        dataSource,
        "the waiting lifecycle events",
        "SELECT id, channel, message_id, change_kind, license_key, agreement_id, occurred_at,"
            + " received_at, raw_body FROM marketplace_event WHERE cloud_account_id IS NULL"
            + " AND discarded_at IS NULL ORDER BY received_at DESC, id DESC"
            + " FETCH FIRST 200 ROWS ONLY",
        r ->
            new WaitingEvent(
                r.getLong(1),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                UtcTimes.read(r, 7),
                UtcTimes.read(r, 8),
                r.getString(9)));
  }

  /** The lifecycle messages refused although AWS sent them, newest first (at most 200). */
  public List<RefusedEvent> refusedEvents() {
    return Sql.list(
        dataSource,
        "the refused lifecycle events",
        "SELECT id, channel, received_at, reason, raw_body, settled_at, settled_by, settled_as"
            + " FROM refused_event ORDER BY received_at DESC, id DESC FETCH FIRST 200 ROWS ONLY",
        r ->
            new RefusedEvent(
                r.getLong(1),
                r.getString(2),
                UtcTimes.read(r, 3),
                r.getString(4),
                r.getString(5),
                UtcTimes.read(r, 6),
                r.getString(7),
                r.getString(8)));
  }

  /**
   * The product's staff's actions, newest first (at most 200); {@code prefix} narrows them to
   * actions starting so (e.g. {@code marketplaceEvent.}), empty for all.
   */
  public List<StaffAction> staffActions(String prefix) {
    return Sql.list(
        dataSource,
        "the staff's actions",
        "SELECT occurred_at, actor, action, account_id, subject_type, subject_id, after_value"
            + " FROM audit_entry WHERE actor LIKE ? AND action LIKE ?"
            + " ORDER BY id DESC FETCH FIRST 200 ROWS ONLY",
        r ->
            new StaffAction(
                UtcTimes.read(r, 1),
                r.getString(2).substring(AuditEntry.STAFF_PREFIX.length()),
                r.getString(3),
                (Long) r.getObject(4, Long.class),
                r.getString(5) + " " + r.getString(6),
                r.getString(7)),
        AuditEntry.STAFF_PREFIX + "%",
        prefix.replace("%", "") + "%");
  }
}
