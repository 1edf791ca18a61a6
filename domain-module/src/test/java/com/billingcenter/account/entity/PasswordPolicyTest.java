package com.billingcenter.account.entity;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

  private static String refusal(String password, String username) {
    return assertThrows(AccountRuleViolation.class, () -> PasswordPolicy.check(password, username))
        .code();
  }

  @Test
  void longPasswordWithLettersAndDigitsIsAccepted() {
    assertDoesNotThrow(() -> PasswordPolicy.check("settle-2026-aws", "ann"));
  }

  @Test
  void shortMissingOrOverlongPasswordsAreRefused() {
    assertEquals("password.tooShort", refusal(null, "ann"));
    assertEquals("password.tooShort", refusal("abc123", "ann"));
    assertEquals("password.tooLong", refusal("a1".repeat(65), "ann"));
  }

  @Test
  void passwordNeedsLettersAndDigits() {
    assertEquals("password.tooSimple", refusal("onlyletters", "ann"));
    assertEquals("password.tooSimple", refusal("1234567890", "ann"));
  }

  @Test
  void passwordMustNotContainTheUserName() {
    assertEquals("password.containsUsername", refusal("xxANNLEE2026", "annlee"));
  }
}
