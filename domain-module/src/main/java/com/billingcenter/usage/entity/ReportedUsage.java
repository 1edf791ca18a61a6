package com.billingcenter.usage.entity;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One usage record as a site sends it: how much of a billing item a workspace used in an hour. The
 * site's {@code id} makes a retry harmless.
 */
public record ReportedUsage(
    String id, long workspaceId, String billingItem, Instant hour, long quantity) {

  public static final int MAX_ID = 64;

  /**
   * Why this record cannot be taken on its own whenever it comes, or empty when it can: the id's
   * form, the hour on the hour (UTC) and the quantity. Which workspaces and items exist is checked
   * by the caller, and so is the time ({@link #timeProblem}), after a known id has been answered as
   * a duplicate.
   */
  public Optional<String> problem() {
    if (!validId(id)) {
      return Optional.of("id must be 1 to 64 letters, digits or _ . : -");
    }
    if (quantity < 0) {
      return Optional.of("quantity must not be negative");
    }
    if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
      return Optional.of("hour must be on the hour (e.g. 2026-11-26T10:00:00Z)");
    }
    return Optional.empty();
  }

  /**
   * Why the record's hour cannot be taken at {@code now}, or empty when it can: an hour that has
   * not begun, or one older than the {@code horizon} for late usage. An hour whose usage is closed
   * (see {@link #closed}) is still taken within the horizon: it is late, not wrong.
   */
  public Optional<String> timeProblem(Instant now, Duration horizon) {
    if (hour.isAfter(now)) {
      return Optional.of("hour is in the future");
    }
    if (hour.isBefore(now.minus(horizon))) {
      return Optional.of(
          "hour is too old: usage is taken until " + horizon + " after its hour (late usage)");
    }
    return Optional.empty();
  }

  /**
   * Whether this record comes after its hour closed at {@code now}: its hour may already be
   * metered, so that it is sent to the marketplace in a later hour.
   */
  public boolean late(Instant now, Duration acceptFor) {
    return closed(hour, now, acceptFor);
  }

  /** 1 to 64 of {@code A-Z a-z 0-9 _ . : -} (checked by hand: it runs for every record). */
  static boolean validId(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_ID) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '.'
              || c == ':'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether usage of {@code hour} is closed at {@code now}: its hour's metering may have read it.
   */
  public static boolean closed(Instant hour, Instant now, Duration acceptFor) {
    return !now.isBefore(hour.plus(Duration.ofHours(1)).plus(acceptFor));
  }

  /** Whether this is the same report as {@code other} (a retry), id aside. */
  public boolean sameAs(ReportedUsage other) {
    return workspaceId == other.workspaceId
        && billingItem.equals(other.billingItem)
        && hour.equals(other.hour)
        && quantity == other.quantity;
  }
}
