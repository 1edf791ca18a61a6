package com.billingcenter.bill.rest;

import com.billingcenter.platform.entity.RuleViolation;
import jakarta.ws.rs.core.HttpHeaders;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** What a request of the bills' resources asks for: a month, and CSV rather than JSON. */
final class Asked {

  private Asked() {}

  /** {@code YYYY-MM}, or this month (UTC) when none is given. */
  static YearMonth month(String month, Clock clock) {
    if (month == null || month.isBlank()) {
      return YearMonth.now(clock.withZone(ZoneOffset.UTC));
    }
    try {
      return YearMonth.parse(month);
    } catch (DateTimeParseException e) {
      throw new RuleViolation("parameter.invalid", "month must be YYYY-MM, e.g. 2026-11.");
    }
  }

  /** Whether the caller accepts {@code text/csv}. */
  static boolean csv(HttpHeaders headers) {
    return headers.getAcceptableMediaTypes().stream()
        .anyMatch(t -> t.getType().equals("text") && t.getSubtype().equals("csv"));
  }
}
