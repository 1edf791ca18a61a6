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
   * Why this record cannot be taken on its own, or empty when it can: the id's form, the hour (on
   * the hour, UTC, already begun, and not closed: usage of an hour is taken until {@code acceptFor}
   * after it ends) and the quantity. Which workspaces and items exist is checked by the caller.
   */
  public Optional<String> problem(Instant now, Duration acceptFor) {
    if (!validId(id)) {
      return Optional.of("id must be 1 to 64 letters, digits or _ . : -");
    }
    if (quantity < 0) {
      return Optional.of("quantity must not be negative");
    }
    if (!hour.truncatedTo(ChronoUnit.HOURS).equals(hour)) {
      return Optional.of("hour must be on the hour (e.g. 2026-11-26T10:00:00Z)");
    }
    if (hour.isAfter(now)) {
      return Optional.of("hour is in the future");
    }
    if (closed(hour, now, acceptFor)) {
      return Optional.of(
          "hour is closed: usage is taken until " + acceptFor + " after the hour ends");
    }
    return Optional.empty();
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

  /** Whether usage of {@code hour} is no longer taken at {@code now}. */
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
