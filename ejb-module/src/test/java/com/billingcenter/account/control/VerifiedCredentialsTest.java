package com.billingcenter.account.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

  private Instant now = Instant.parse("2026-05-01T10:00:00Z");

  private VerifiedCredentials cache(Duration lifetime) {
    var cache = new VerifiedCredentials();
    cache.clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now;
          }
        };
    cache.lifetime = lifetime;
    cache.init();
    return cache;
  }

  @Test
  void rememberedPasswordIsRecognisedOnlyWithTheSameStoredHash() {
    var cache = cache(Duration.ofMinutes(5));
    cache.remember("ann", "Secret-2026", "hash-1");
    assertTrue(cache.recentlyVerified("ann", "Secret-2026", "hash-1"));
    assertFalse(cache.recentlyVerified("ann", "Secret-2027", "hash-1"), "another password");
    assertFalse(cache.recentlyVerified("bob", "Secret-2026", "hash-1"), "another user");
    assertFalse(
        cache.recentlyVerified("ann", "Secret-2026", "hash-2"), "the password changed since");
  }

  @Test
  void entryExpiresAfterItsLifetime() {
    var cache = cache(Duration.ofMinutes(5));
    cache.remember("ann", "Secret-2026", "hash-1");
    now = now.plus(Duration.ofMinutes(5));
    assertFalse(cache.recentlyVerified("ann", "Secret-2026", "hash-1"));
  }

  @Test
  void zeroLifetimeTurnsTheCacheOff() {
    var cache = cache(Duration.ZERO);
    cache.remember("ann", "Secret-2026", "hash-1");
    assertFalse(cache.recentlyVerified("ann", "Secret-2026", "hash-1"));
  }
}
