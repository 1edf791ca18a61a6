package com.billingcenter.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration BLOCK = Duration.ofMinutes(15);
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void theFifthFailureWithinTheWindowBlocksForTheBlockTime() {
    LoginThrottle throttle = new LoginThrottle(LoginThrottle.nameKey(" Ann "), T0);
    for (int i = 0; i < 4; i++) {
      throttle.failed(T0.plusSeconds(i), 5, WINDOW, BLOCK);
      assertEquals(Optional.empty(), throttle.blockedAt(T0.plusSeconds(i)));
    }
    throttle.failed(T0.plusSeconds(4), 5, WINDOW, BLOCK);
    assertEquals(Optional.of(T0.plusSeconds(4).plus(BLOCK)), throttle.blockedAt(T0.plusSeconds(5)));
    assertTrue(throttle.blockedAt(T0.plusSeconds(4).plus(BLOCK)).isEmpty(), "over after 15 min");
  }

  @Test
  void failuresSpreadBeyondTheWindowDoNotAddUp() {
    LoginThrottle throttle = new LoginThrottle(LoginThrottle.addressKey("10.0.0.1"), T0);
    for (int i = 0; i < 10; i++) {
      Instant at = T0.plus(Duration.ofMinutes(4L * i));
      throttle.failed(at, 5, WINDOW, BLOCK);
      assertTrue(throttle.blockedAt(at).isEmpty(), "failure " + (i + 1));
    }
  }

  @Test
  void aUserNameIsCountedAsSignInMatchesIt() {
    assertEquals("name:ann@example.org", LoginThrottle.nameKey("  Ann@Example.org "));
    assertEquals(LoginThrottle.nameKey("ann"), LoginThrottle.nameKey("ANN"));
  }
}
