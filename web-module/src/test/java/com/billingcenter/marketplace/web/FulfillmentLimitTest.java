package com.billingcenter.marketplace.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FulfillmentLimitTest {

  private Instant now = Instant.parse("2026-12-07T10:00:00Z");

  private FulfillmentLimit limit(int perAddress) {
    FulfillmentLimit limit = new FulfillmentLimit();
    limit.clock =
        new Clock() {
          @Override
          public ZoneId getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    limit.perAddress = perAddress;
    limit.window = Duration.ofMinutes(10);
    return limit;
  }

  @Test
  void anAddressIsRefusedPastItsLimitUntilItsWindowEnds() {
    FulfillmentLimit limit = limit(3);
    for (int i = 0; i < 3; i++) {
      assertEquals(Optional.empty(), limit.refusedUntil("198.51.100.1"));
    }
    now = now.plusSeconds(60);
    assertEquals(
        Optional.of(Instant.parse("2026-12-07T10:10:00Z")), limit.refusedUntil("198.51.100.1"));
    assertEquals(Optional.empty(), limit.refusedUntil("198.51.100.2"), "others are not");
    now = Instant.parse("2026-12-07T10:10:00Z");
    assertEquals(Optional.empty(), limit.refusedUntil("198.51.100.1"), "a new window");
  }

  /**
   * A flood of addresses keeps at most MAX_TRACKED counts (plus the shared one), and windows that
   * ended are dropped as requests come, without a scan of them all.
   */
  @Test
  void theCountsAreBoundedAndEndedWindowsLeaveAsRequestsCome() {
    FulfillmentLimit limit = limit(3);
    for (int i = 0; i < FulfillmentLimit.MAX_TRACKED + 5_000; i++) {
      limit.refusedUntil("a" + i);
    }
    assertEquals(FulfillmentLimit.MAX_TRACKED + 1, limit.tracked(), "the newcomers share one");
    // The 5,000 past the bound shared one count: past the limit, all of them are refused.
    assertTrue(limit.refusedUntil("another").isPresent());
    now = now.plus(Duration.ofMinutes(10));
    limit.refusedUntil("late");
    assertEquals(1, limit.tracked(), "every ended window dropped, the new one kept");
  }
}
