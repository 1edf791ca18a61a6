package com.billingcenter.platform.entity;

import jakarta.ejb.ApplicationException;
import java.time.Duration;
import java.time.Instant;

/**
 * A business rule refused the input or the change; nothing was changed. Carries a stable {@link
 * #code()} (e.g. {@code settlement.oncePerMonth}) that pages translate through the resource bundle
 * and the API returns as its {@code error}, and an English message for logs and API clients.
 */
@ApplicationException(rollback = true, inherited = true)
public class RuleViolation extends RuntimeException {

  private final String code;

  public RuleViolation(String code, String message) {
    super(message);
    this.code = code;
  }

  public String code() {
    return code;
  }

  /**
   * Refuses ({@code code}) a range of time that does not start before it ends or spans more than
   * {@code max} (a request's limit, e.g. 31 days of a ledger).
   */
  public static void requireRange(Instant from, Instant to, Duration max, String code) {
    if (!from.isBefore(to) || Duration.between(from, to).compareTo(max) > 0) {
      throw new RuleViolation(
          code, "The range must start before it ends and span at most " + max.toDays() + " days.");
    }
  }
}
