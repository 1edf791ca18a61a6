package com.billingcenter.platform.entity;

import jakarta.ejb.ApplicationException;

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
}
