package com.billingcenter.operations.boundary;

import com.billingcenter.notice.control.Mail;
import com.billingcenter.operations.control.Gauge;
import com.billingcenter.operations.control.Gauges;
import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Alarms before money is lost: every minute, on every instance, each business gauge ({@link
 * Gauges}) past its threshold raises its alarm and one under it clears it. A change is mailed to
 * the operators ({@code billing.alarms.mail-to}) and logged, once per incident: the instance whose
 * update changed the alarm's row ({@code operator_alarm}) is the one that tells; another's finds it
 * changed. Without an address the log alone tells.
 */
@Stateless
public class Alarms {

  private static final Logger LOG = Logger.getLogger(Alarms.class.getName());

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Gauges gauges;
  @Inject Mail mail;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.alarms.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "billing.alarms.mail-to")
  Optional<String> mailTo;

  /** An alarm raised or cleared by this check, and whether a mail server took its mail. */
  public record Change(String gauge, boolean raised, long value, long above, boolean mailed) {}

  @Schedule(hour = "*", minute = "*", second = "47", persistent = false)
  void everyMinute() {
    if (enabled) {
      try {
        check(gauges.readNow());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The alarms were not checked; the next check goes on.", e);
      }
    }
  }

  /** Raises or clears each gauge's alarm as its reading says; answers what changed. */
  public List<Change> check(List<Gauge> reading) {
    Instant now = clock.instant();
    List<Change> changes = new ArrayList<>();
    for (Gauge gauge : reading) {
      if (gauge.alarming()) {
        boolean raised =
            update(
                    "UPDATE operator_alarm SET raised_at = ?, cleared_at = NULL, raised_value = ?,"
                        + " raise_mailed_at = NULL, clear_mailed_at = NULL WHERE name = ?"
                        + " AND (raised_at IS NULL OR cleared_at IS NOT NULL)",
                    now,
                    gauge.value(),
                    gauge.name())
                == 1;
        if (raised) {
          LOG.warning(() -> "ALARM raised: " + describe(gauge));
          boolean mailed =
              tell("Alarm: " + gauge.help(), describe(gauge) + "\nRaised at " + now + ".");
          if (mailed) {
            update(
                "UPDATE operator_alarm SET raise_mailed_at = ? WHERE name = ?", now, gauge.name());
          }
          changes.add(new Change(gauge.name(), true, gauge.value(), gauge.above(), mailed));
        }
      } else if (update(
              "UPDATE operator_alarm SET cleared_at = ? WHERE name = ? AND raised_at IS NOT NULL"
                  + " AND cleared_at IS NULL",
              now,
              gauge.name())
          == 1) {
        LOG.info(() -> "Alarm cleared: " + describe(gauge));
        boolean mailed =
            tell("Cleared: " + gauge.help(), describe(gauge) + "\nCleared at " + now + ".");
        if (mailed) {
          update("UPDATE operator_alarm SET clear_mailed_at = ? WHERE name = ?", now, gauge.name());
        }
        changes.add(new Change(gauge.name(), false, gauge.value(), gauge.above(), mailed));
      }
    }
    return changes;
  }

  private static String describe(Gauge gauge) {
    return gauge.name()
        + " = "
        + gauge.value()
        + " (the alarm is above "
        + gauge.above()
        + "): "
        + gauge.help()
        + ".\nWhat it means and what to do: docs/operations.md, \""
        + gauge.name()
        + "\".";
  }

  private boolean tell(String subject, String body) {
    return mailTo
        .filter(to -> !to.isBlank())
        .map(to -> mail.send(to.strip(), "[Billing Center] " + subject, body))
        .orElse(false);
  }

  private int update(String sql, Object... parameters) {
    return Sql.update(dataSource, "change an alarm", sql, parameters);
  }
}
