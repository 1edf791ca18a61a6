package com.billingcenter.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BillingAccountTest {

  private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T08:00:00Z"), ZoneOffset.UTC);

  @Test
  void registrationKeepsTheUserNameAndLowerCasesTheLoginAccount() {
    var account = BillingAccount.register("Ann.Lee", "  Ann@Example.COM ", "hash", clock);
    assertEquals("Ann.Lee", account.username());
    assertEquals("ann@example.com", account.loginAccount());
    assertEquals(Instant.parse("2026-03-01T08:00:00Z"), account.createdAt());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ab",
        "-ann",
        "ann lee",
        "<script>",
        "ann\nlee",
        "a234567890123456789012345678901234567890x"
      })
  void malformedUserNamesAreRefused(String username) {
    var refused =
        assertThrows(
            AccountRuleViolation.class,
            () -> BillingAccount.register(username, "a@example.com", "hash", clock));
    assertEquals("username.invalid", refused.code());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "ann", "ann@", "@example.com", "ann@example", "a b@example.com", "a@b@c.com"})
  void malformedLoginAccountsAreRefused(String loginAccount) {
    var refused =
        assertThrows(
            AccountRuleViolation.class,
            () -> BillingAccount.register("ann", loginAccount, "hash", clock));
    assertEquals("loginAccount.invalid", refused.code());
  }

  @Test
  void changingThePasswordRecordsWhen() {
    var account = BillingAccount.register("ann", "a@example.com", "old", clock);
    Clock later = Clock.offset(clock, java.time.Duration.ofDays(3));
    account.changePasswordHash("new", later);
    assertEquals("new", account.passwordHash());
    assertEquals(Instant.parse("2026-03-04T08:00:00Z"), account.passwordChangedAt());
  }

  @Test
  void accountsAreEqualByUserName() {
    assertEquals(
        BillingAccount.register("ann", "a@example.com", "h1", clock),
        BillingAccount.register("ann", "b@example.com", "h2", clock));
  }
}
