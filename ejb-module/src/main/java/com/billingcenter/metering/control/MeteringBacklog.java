package com.billingcenter.metering.control;

import com.billingcenter.platform.control.SchemaMigrations;
import com.billingcenter.platform.control.Sql;
import com.billingcenter.platform.entity.UtcTimes;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The metering records that have waited to be sent for longer than {@code
 * billing.metering.waiting-alert} (default an hour): AWS is failing us, or we it, while AWS's
 * window for those hours runs out. Read at most every few seconds, however often health checks and
 * metric scrapes ask.
 */
@ApplicationScoped
public class MeteringBacklog {

  /** How long one reading is reused. */
  static final Duration REUSE = Duration.ofSeconds(10);

  /** Records pending since before {@code now - alertAfter}, and the oldest of them. */
  public record Waiting(long records, Instant oldestSince, Duration alertAfter) {

    public boolean alerting() {
      return records > 0;
    }
  }

  @Resource(lookup = SchemaMigrations.DATASOURCE)
  DataSource dataSource;

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.metering.waiting-alert", defaultValue = "PT1H")
  Duration alertAfter;

  private volatile Instant readAt = Instant.EPOCH;
  private volatile Waiting last;

  /** The records waiting too long now (or a few seconds ago). */
  public Waiting waiting() {
    Instant now = clock.instant();
    Waiting reading = last;
    if (reading != null && readAt.plus(REUSE).isAfter(now) && !readAt.isAfter(now)) {
      return reading;
    }
    reading =
        Sql.first(
                dataSource,
                "the metering backlog",
                "SELECT COUNT(*), MIN(computed_at) FROM metering_record"
                    + " WHERE state = 'PENDING' AND computed_at < ?",
                row -> new Waiting(row.getLong(1), UtcTimes.read(row, 2), alertAfter),
                now.minus(alertAfter))
            .orElseThrow();
    last = reading;
    readAt = now;
    return reading;
  }
}
