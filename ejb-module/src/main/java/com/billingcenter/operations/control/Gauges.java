package com.billingcenter.operations.control;

import com.billingcenter.bill.control.BillCalendar;
import com.billingcenter.metering.entity.MeteringHours;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The business gauges operators alarm on, each a sign that money is about to be lost or a customer
 * left waiting, read from the database (so every instance of a cluster says the same): metering
 * records nearing the end of AWS's window (AWS takes a record up to 24 hours after its hour, {@code
 * billing.metering.max-lateness}), records that missed it, lifecycle events waiting for a license
 * or agreement that never came, bills not final a day after their close, notices whose mail the
 * mail server did not take. Read at most every {@link #REUSE}, however often scraped.
 */
@ApplicationScoped
public class Gauges {

  /** How long one reading is reused. */
  static final Duration REUSE = Duration.ofSeconds(30);

  public static final String OLDEST_PENDING = "billing_metering_oldest_pending_age_seconds";
  public static final String PAST_HALF_WINDOW = "billing_metering_records_past_half_window";
  public static final String TOO_LATE = "billing_metering_too_late_records_last_day";
  public static final String WAITING_EVENTS = "billing_lifecycle_events_waiting_over_an_hour";
  public static final String BILLS_OVERDUE = "billing_bills_not_final_a_day_after_close";
  public static final String FAILED_MAILS = "billing_mails_failed_last_day";

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Clock clock;
  @Inject BillCalendar calendar;

  @Inject
  @ConfigProperty(name = "billing.metering.max-lateness", defaultValue = "PT24H")
  Duration maxLateness;

  private volatile Instant readAt = Instant.EPOCH;
  private volatile List<Gauge> last;

  /** The gauges now (or a few seconds ago). */
  public List<Gauge> read() {
    Instant now = clock.instant();
    List<Gauge> reading = last;
    if (reading != null && readAt.plus(REUSE).isAfter(now) && !readAt.isAfter(now)) {
      return reading;
    }
    reading = readNow();
    last = reading;
    readAt = now;
    return reading;
  }

  /** The gauges read afresh from the database. */
  public List<Gauge> readNow() {
    Instant now = clock.instant();
    Config config = ConfigProvider.getConfig();
    try (Connection c = dataSource.getConnection()) {
      Instant oldest =
          Sql.list(
                  c,
                  "SELECT MIN(usage_hour) FROM metering_record WHERE state = 'PENDING'",
                  row -> java.util.Optional.ofNullable(UtcTimes.read(row, 1)))
              .get(0)
              .orElse(null);
      long pastHalf =
          count(
              c,
              "SELECT COUNT(*) FROM metering_record WHERE state = 'PENDING' AND usage_hour < ?",
              now.minus(maxLateness.dividedBy(2)));
      long tooLate =
          count(
              c,
              "SELECT COUNT(*) FROM metering_record WHERE state = 'TOO_LATE'"
                  + " AND (usage_hour >= ? OR computed_at >= ?)",
              MeteringHours.oldestAccepted(now.minus(Duration.ofDays(1)), maxLateness),
              now.minus(Duration.ofDays(1)));
      long waiting =
          count(
              c,
              "SELECT COUNT(*) FROM marketplace_event WHERE cloud_account_id IS NULL"
                  + " AND discarded_at IS NULL AND received_at < ?",
              now.minus(Duration.ofHours(1)));
      return List.of(
          gauge(
              config,
              OLDEST_PENDING,
              "Age in seconds of the oldest metering record not yet sent to AWS (from the start of"
                  + " its hour; AWS takes a record up to 24 hours old)",
              oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds()),
              Duration.ofHours(2).toSeconds()),
          gauge(
              config,
              PAST_HALF_WINDOW,
              "Metering records not yet sent whose hour is past half of AWS's window",
              pastHalf,
              0),
          gauge(
              config,
              TOO_LATE,
              "Metering records that missed AWS's window in the last day (never billed by AWS)",
              tooLate,
              0),
          gauge(
              config,
              WAITING_EVENTS,
              "Lifecycle events waiting over an hour for the license or agreement they name",
              waiting,
              0),
          gauge(
              config,
              BILLS_OVERDUE,
              "Bills of the latest due month not final a day after their close (e.g. a line"
                  + " without a price)",
              billsOverdue(c, now),
              0),
          gauge(
              config,
              FAILED_MAILS,
              "Notices of the last day whose mail the mail server did not take",
              failedMails(c, config, now),
              0));
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot read the operators' gauges: " + e, e);
    }
  }

  private long billsOverdue(Connection c, Instant now) throws SQLException {
    YearMonth month = calendar.latestDue(now);
    if (now.isBefore(calendar.closesAt(month).plus(Duration.ofDays(1)))) {
      return 0;
    }
    return count(
        c,
        "SELECT COUNT(*) FROM billing_account a WHERE EXISTS (SELECT 1 FROM usage_day d"
            + " WHERE d.owner_id = a.id AND d.usage_day >= ? AND d.usage_day < ?)"
            + " AND NOT EXISTS (SELECT 1 FROM bill b WHERE b.owner_id = a.id"
            + " AND b.bill_month = ?)",
        month.atDay(1),
        month.plusMonths(1).atDay(1),
        month.atDay(1));
  }

  /**
   * Notices of the last day (older than ten minutes: their mail is sent meanwhile) to an owner
   * whose login is an address, not marked mailed; none while no mail server is configured (mails
   * are not sent then, by choice).
   */
  private static long failedMails(Connection c, Config config, Instant now) throws SQLException {
    boolean smtp =
        config
            .getOptionalValue("billing.mail.smtp.host", String.class)
            .filter(h -> !h.isBlank())
            .isPresent();
    if (!smtp) {
      return 0;
    }
    return count(
        c,
        "SELECT COUNT(*) FROM notice n JOIN billing_account a ON a.id = n.owner_id"
            + " WHERE n.created_at >= ? AND n.created_at < ? AND n.emailed_at IS NULL"
            + " AND a.login_account LIKE '%@%'",
        now.minus(Duration.ofDays(1)),
        now.minus(Duration.ofMinutes(10)));
  }

  private static Gauge gauge(Config config, String name, String help, long value, long above) {
    String key = "billing.alarms." + name.substring("billing_".length()) + ".above";
    return new Gauge(name, help, value, config.getOptionalValue(key, Long.class).orElse(above));
  }

  private static long count(Connection c, String sql, Object... parameters) throws SQLException {
    return Sql.list(c, sql, row -> row.getLong(1), parameters).get(0);
  }
}
