package com.billingcenter.metering.entity;

import com.billingcenter.cloudaccount.entity.CloudAccountStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which hours of a cloud account are to be metered now. An hour is metered once, when it can no
 * longer change: for an active subscription when its usage is closed ({@code acceptFor} after the
 * hour ends); for an ending one (AWS's one-hour final window) the same, and every hour left, the
 * window's last, unfinished one included, shortly before the window closes (the final flush); for
 * an ended one, up to the hour it ended in: closed hours while its final window is open, the rest
 * shortly before the window closes. Missed hours come back oldest first, however many there are.
 */
public final class MeteringHours {

  private MeteringHours() {}

  /** The hours to compute, oldest first; the last one may be a final flush. */
  public record Due(List<Instant> hours, boolean lastIsFinalFlush) {
    public static final Due NONE = new Due(List.of(), false);

    public boolean isEmpty() {
      return hours.isEmpty();
    }
  }

  /** The schedule's settings: see the class comment. */
  public record Rules(Duration acceptFor, Duration flushMargin) {}

  /**
   * @param meteringFrom when metering of the account began (any time; its hour counts)
   * @param meteredThrough the next hour not yet computed, or null when none was
   */
  public static Due due(
      CloudAccountStatus status,
      Instant meteringFrom,
      Instant meteredThrough,
      Instant finalMeteringUntil,
      Instant endedAt,
      Instant now,
      Rules rules) {
    if (meteringFrom == null) {
      return Due.NONE;
    }
    Instant next =
        meteredThrough != null ? meteredThrough : meteringFrom.truncatedTo(ChronoUnit.HOURS);
    Instant end; // exclusive bound of the hours' starts
    boolean flush = false;
    switch (status) {
      case ACTIVE -> end = closedBefore(now, rules.acceptFor());
      case ENDING -> {
        Instant windowEnd = ceilHour(finalMeteringUntil);
        // Past hours keep their 15-minute close, so that the sites' reports still count: metered
        // at once, usage reported for them afterwards would be in no record.
        end = min(closedBefore(now, rules.acceptFor()), windowEnd);
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        if (current.isBefore(finalMeteringUntil)
            && !now.isBefore(finalMeteringUntil.minus(rules.flushMargin()))) {
          end = min(current.plus(Duration.ofHours(1)), windowEnd);
          flush = true;
        }
      }
      case ENDED -> {
        Instant current = now.truncatedTo(ChronoUnit.HOURS);
        end = min(ceilHour(endedAt), current.plus(Duration.ofHours(1)));
        // AWS takes the final usage for an hour after the license is deprovisioned, or, before
        // that event has come, an hour after the agreement ended ("Managing SaaS subscription
        // events with Amazon EventBridge"). Until shortly before that window closes, only hours
        // whose usage is closed are metered, so the sites' last reports still count.
        Instant windowCloses =
            finalMeteringUntil != null ? finalMeteringUntil : endedAt.plus(FINAL_WINDOW);
        if (now.isBefore(windowCloses.minus(rules.flushMargin()))) {
          end = min(end, closedBefore(now, rules.acceptFor()));
        } else {
          // The hour it ended in may not have finished: its usage is final all the same.
          flush = end.isAfter(current);
        }
      }
      default -> {
        return Due.NONE;
      }
    }
    List<Instant> hours = new ArrayList<>();
    for (Instant hour = next; hour.isBefore(end); hour = hour.plus(Duration.ofHours(1))) {
      hours.add(hour);
    }
    return hours.isEmpty() ? Due.NONE : new Due(List.copyOf(hours), flush);
  }

  /** The first hour whose usage is still open at {@code now}: earlier ones are closed. */
  public static Instant closedBefore(Instant now, Duration acceptFor) {
    return now.minus(acceptFor).truncatedTo(ChronoUnit.HOURS);
  }

  /** How long after its end a subscription's final usage is still taken (AWS: one hour). */
  static final Duration FINAL_WINDOW = Duration.ofHours(1);

  /** Until when, on the 1st of a month, the previous month's records are still taken. */
  static final Duration MONTH_END_GRACE = Duration.ofHours(6);

  /** Whether the marketplace no longer takes records of {@code hour} at {@code now}. */
  public static boolean tooLate(Instant hour, Instant now, Duration maxLateness) {
    return hour.isBefore(oldestAccepted(now, maxLateness));
  }

  /**
   * The oldest hour the marketplace still takes records of at {@code now}: {@code maxLateness} back
   * (AWS: 24 hours), and during the month-end grace (until 06:00 UTC on the 1st) any hour of the
   * previous month, which AWS still bills with it (issue "AWS Marketplace as AWS documents it";
   * AWS's reference handler, aws-marketplace-metering SKILL.md: "the 6-hour month-boundary grace").
   */
  public static Instant oldestAccepted(Instant now, Duration maxLateness) {
    Instant byAge = now.minus(maxLateness);
    java.time.ZonedDateTime utc = now.atZone(java.time.ZoneOffset.UTC);
    java.time.ZonedDateTime monthStart = utc.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
    if (now.isBefore(monthStart.plus(MONTH_END_GRACE).toInstant())) {
      Instant previousMonth = monthStart.minusMonths(1).toInstant();
      return previousMonth.isBefore(byAge) ? previousMonth : byAge;
    }
    return byAge;
  }

  static Instant ceilHour(Instant at) {
    Instant hour = at.truncatedTo(ChronoUnit.HOURS);
    return hour.equals(at) ? hour : hour.plus(Duration.ofHours(1));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
