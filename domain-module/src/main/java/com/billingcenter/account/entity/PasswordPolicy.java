package com.billingcenter.account.entity;

import java.util.Locale;

/**
 * The minimum strength of a Billing Center password, checked before it is hashed: long enough to
 * resist guessing (NIST SP 800-63B asks for at least 8; we ask for 10), with letters and digits,
 * not the user name, and short enough that hashing it cannot be used to burn CPU.
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 128;

  private PasswordPolicy() {}

  public static void check(String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw new AccountRuleViolation(
          "password.tooShort", "The password must have at least " + MIN_LENGTH + " characters.");
    }
    if (password.length() > MAX_LENGTH) {
      throw new AccountRuleViolation(
          "password.tooLong", "The password must have at most " + MAX_LENGTH + " characters.");
    }
    boolean letter = password.chars().anyMatch(Character::isLetter);
    boolean digit = password.chars().anyMatch(Character::isDigit);
    if (!letter || !digit) {
      throw new AccountRuleViolation(
          "password.tooSimple", "The password must contain both letters and digits.");
    }
    if (username != null
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      throw new AccountRuleViolation(
          "password.containsUsername", "The password must not contain the user name.");
    }
  }
}
