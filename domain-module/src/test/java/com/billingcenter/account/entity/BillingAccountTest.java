package com.billingcenter.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void itIsBilledFromTheMonthItWasCreatedToThisMonthOnly() {
    var account = BillingAccount.register("ann", "ann@example.com", "hash", clock);
    Instant now = Instant.parse("2026-05-31T23:59:59Z");
    assertTrue(account.billedIn(java.time.YearMonth.of(2026, 3), now), "its first month");
    assertTrue(account.billedIn(java.time.YearMonth.of(2026, 5), now), "this month");
    assertFalse(account.billedIn(java.time.YearMonth.of(2026, 2), now), "before it existed");
    assertFalse(account.billedIn(java.time.YearMonth.of(2026, 6), now), "a month to come");
    assertFalse(account.billedIn(java.time.YearMonth.of(1, 1), now));
    assertFalse(account.billedIn(java.time.YearMonth.of(999_999_999, 12), now));
    assertEquals(java.time.YearMonth.of(2026, 3), account.firstBilledMonth());
  }
}
