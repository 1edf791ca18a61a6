package com.billingcenter.sandbox.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SandboxMarketplaceTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
  private final SandboxMarketplace sandbox =
      new SandboxMarketplace("prod-1", Duration.ofHours(4), clock);

  @Test
  void currentBuyerResolvesToAccountAndLicense() {
    var buyer = sandbox.subscribe("123456789012", false);
    var resolved = sandbox.resolveCustomer(sandbox.newRegistrationToken("123456789012"));
    assertEquals("123456789012", resolved.awsAccountId());
    assertTrue(resolved.licenseArn().startsWith("arn:aws:license-manager::123456789012:license:"));
    assertEquals(buyer, resolved);
  }

  @Test
  void legacyBuyerHasNoLicense() {
    assertNull(sandbox.subscribe("210987654321", true).licenseArn());
  }

  @Test
  void subscribingTwiceKeepsOneBuyer() {
    assertEquals(
        sandbox.subscribe("123456789012", false), sandbox.subscribe("123456789012", false));
  }

  @Test
  void everyTokenIsNew() {
    sandbox.subscribe("123456789012", false);
    assertNotEquals(
        sandbox.newRegistrationToken("123456789012"), sandbox.newRegistrationToken("123456789012"));
  }

  @Test
  void unknownTokenIsInvalid() {
    AwsError error = assertThrows(AwsError.class, () -> sandbox.resolveCustomer("nope"));
    assertEquals("InvalidTokenException", error.type());
    assertEquals(400, error.status());
  }

  @Test
  void tokenExpiresAfterItsLifetime() {
    sandbox.subscribe("123456789012", false);
    String token = sandbox.newRegistrationToken("123456789012");
    clock.advance(Duration.ofHours(4).minusSeconds(1));
    sandbox.resolveCustomer(token);
    clock.advance(Duration.ofSeconds(1));
    AwsError error = assertThrows(AwsError.class, () -> sandbox.resolveCustomer(token));
    assertEquals("ExpiredTokenException", error.type());
  }

  @Test
  void malformedAccountIdIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> sandbox.subscribe("12345", false));
    assertThrows(
        IllegalArgumentException.class, () -> sandbox.newRegistrationToken("999999999999"));
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
