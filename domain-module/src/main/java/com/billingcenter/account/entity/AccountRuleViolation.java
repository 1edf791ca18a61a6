package com.billingcenter.account.entity;

import jakarta.ejb.ApplicationException;

/**
 * A rule on an account was broken by the input. Carries a stable {@link #code()} that pages and the
 * API translate into the user's language, and an English message for logs and API clients.
 */
@ApplicationException(rollback = true)
public class AccountRuleViolation extends RuntimeException {

  private final String code;

  public AccountRuleViolation(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Stable, machine-readable reason, e.g. {@code username.invalid}. */
  public String code() {
    return code;
  }
}
