package com.billingcenter.platform.rest;

import com.billingcenter.platform.entity.RuleViolation;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Times in query parameters: ISO-8601 with an offset, e.g. {@code 2026-11-26T10:00:00Z}. */
public final class Times {

  private Times() {}

  /** The instant, or a 400 naming the parameter. */
  public static Instant parse(String text, String parameter) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeException e) {
      throw new RuleViolation(
          "parameter.invalid",
          parameter + " must be an ISO-8601 time such as 2026-11-26T10:00:00Z.");
    }
  }
}
