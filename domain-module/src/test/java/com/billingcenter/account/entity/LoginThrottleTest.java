package com.billingcenter.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration BLOCK = Duration.ofMinutes(15);
  private static final Duration MAX_DELAY = Duration.ofSeconds(30);
  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void theFifthFailureWithinTheWindowBlocksForTheBlockTime() {
    LoginThrottle throttle = new LoginThrottle(LoginThrottle.pairKey(" Ann ", "10.0.0.1"), T0);
    for (int i = 0; i < 4; i++) {
      throttle.failed(T0.plusSeconds(i), 5, WINDOW, BLOCK);
      assertEquals(Optional.empty(), throttle.refusedAt(T0.plusSeconds(i)));
    }
    throttle.failed(T0.plusSeconds(4), 5, WINDOW, BLOCK);
    assertEquals(Optional.of(T0.plusSeconds(4).plus(BLOCK)), throttle.refusedAt(T0.plusSeconds(5)));
    assertTrue(throttle.refusedAt(T0.plusSeconds(4).plus(BLOCK)).isEmpty(), "over after 15 min");
    throttle.failed(T0.plusSeconds(4).plus(BLOCK), 5, WINDOW, BLOCK);
    assertTrue(throttle.refusedAt(T0.plusSeconds(5).plus(BLOCK)).isEmpty(), "a fresh count after");
  }

  @Test
  void failuresSpreadBeyondTheWindowDoNotAddUp() {
    LoginThrottle throttle = new LoginThrottle(LoginThrottle.addressKey("10.0.0.1"), T0);
    for (int i = 0; i < 10; i++) {
      Instant at = T0.plus(Duration.ofMinutes(4L * i));
      throttle.failed(at, 5, WINDOW, BLOCK);
      assertTrue(throttle.refusedAt(at).isEmpty(), "failure " + (i + 1));
    }
  }

  @Test
  void anAttemptThatWasRightNoLongerCountsNorBlocks() {
    LoginThrottle throttle = new LoginThrottle(LoginThrottle.addressKey("10.0.0.1"), T0);
    for (int i = 0; i < 5; i++) {
      throttle.failed(T0, 5, WINDOW, BLOCK);
    }
    assertTrue(throttle.refusedAt(T0).isPresent(), "the fifth attempt, counted in advance, blocks");
    throttle.wasRight(5);
    assertTrue(throttle.refusedAt(T0).isEmpty(), "it was right: four failures do not block");
    throttle.failed(T0, 5, WINDOW, BLOCK);
    assertTrue(throttle.refusedAt(T0).isPresent());
  }

  @Test
  void aUserNameIsNeverBlockedButWaitsAGrowingDelayUpToTheLongest() {
    LoginThrottle name = new LoginThrottle(LoginThrottle.nameKey("ann"), T0);
    Instant at = T0;
    for (int i = 0; i < 5; i++) {
      name.failedWithDelay(at, 5, WINDOW, MAX_DELAY);
      assertTrue(name.refusedAt(at).isEmpty(), "free failure " + (i + 1));
    }
    long[] delays = {1, 2, 4, 8, 16, 30, 30, 30};
    for (long delay : delays) {
      name.failedWithDelay(at, 5, WINDOW, MAX_DELAY);
      assertEquals(Optional.of(at.plusSeconds(delay)), name.refusedAt(at));
      at = at.plusSeconds(delay);
      assertTrue(name.refusedAt(at).isEmpty(), "free again after " + delay + " s");
    }
    name.failedWithDelay(at.plus(WINDOW).plusSeconds(1), 5, WINDOW, MAX_DELAY);
    assertTrue(
        name.refusedAt(at.plus(WINDOW).plusSeconds(1)).isEmpty(),
        "15 quiet minutes start the count afresh");
  }

  @Test
  void aKnownAddressIsKnownForItsTime() {
    LoginThrottle known = new LoginThrottle(LoginThrottle.knownKey("Ann", "10.0.0.1"), T0);
    assertTrue(known.knownAt(T0.plus(Duration.ofDays(29)), Duration.ofDays(30)));
    assertFalse(known.knownAt(T0.plus(Duration.ofDays(30)), Duration.ofDays(30)));
  }

  @Test
  void keysAreCountedAsSignInMatchesTheName() {
    assertEquals("name:ann@example.org", LoginThrottle.nameKey("  Ann@Example.org "));
    assertEquals(LoginThrottle.nameKey("ann"), LoginThrottle.nameKey("ANN"));
    assertEquals(
        LoginThrottle.pairKey("Ann", "10.0.0.1"), LoginThrottle.pairKey(" ann", "10.0.0.1"));
    assertFalse(
        LoginThrottle.pairKey("ann", "10.0.0.1").equals(LoginThrottle.pairKey("ann", "10.0.0.2")));
  }
}
