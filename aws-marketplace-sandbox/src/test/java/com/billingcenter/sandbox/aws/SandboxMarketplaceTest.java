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

  private static final Instant HOUR = Instant.parse("2026-01-01T09:00:00Z");

  private SandboxMarketplace.Usage usage(SandboxMarketplace.Buyer buyer, String dimension, int q) {
    return buyer.legacy()
        ? new SandboxMarketplace.Usage(null, null, buyer.customerIdentifier(), dimension, HOUR, q)
        : new SandboxMarketplace.Usage(
            buyer.awsAccountId(), buyer.licenseArn(), null, dimension, HOUR, q);
  }

  @Test
  void firstQuantityOfAnHourStandsAndAnotherIsADuplicate() {
    var buyer = sandbox.subscribe("123456789012", false);
    var first = sandbox.batchMeterUsage("prod-1", java.util.List.of(usage(buyer, "datapoints", 7)));
    assertEquals("Success", first.get(0).status());
    var same = sandbox.batchMeterUsage("prod-1", java.util.List.of(usage(buyer, "datapoints", 7)));
    assertEquals("Success", same.get(0).status());
    assertEquals(first.get(0).meteringRecordId(), same.get(0).meteringRecordId());
    var other = sandbox.batchMeterUsage("prod-1", java.util.List.of(usage(buyer, "datapoints", 8)));
    assertEquals("DuplicateRecord", other.get(0).status());
    assertEquals(3, sandbox.received().size());
  }

  @Test
  void unknownLicenseIsNotSubscribedAndLegacyBuyersAreKnownByCustomerIdentifier() {
    var legacy = sandbox.subscribe("210987654321", true);
    var stranger =
        new SandboxMarketplace.Usage(
            "111111111111", "arn:aws:license-manager::1:license:l-x", null, "logs", HOUR, 1);
    var results =
        sandbox.batchMeterUsage("prod-1", java.util.List.of(stranger, usage(legacy, "logs", 2)));
    assertEquals("CustomerNotSubscribed", results.get(0).status());
    assertNull(results.get(0).meteringRecordId());
    assertEquals("Success", results.get(1).status());
  }

  @Test
  void wholeCallIsRefusedForAnotherProductTooManyRecordsOrAStaleHour() {
    var buyer = sandbox.subscribe("123456789012", false);
    var record = usage(buyer, "traces", 1);
    assertEquals(
        "InvalidProductCodeException",
        assertThrows(
                AwsError.class, () -> sandbox.batchMeterUsage("other", java.util.List.of(record)))
            .type());
    assertEquals(
        "ValidationException",
        assertThrows(
                AwsError.class,
                () -> sandbox.batchMeterUsage("prod-1", java.util.Collections.nCopies(26, record)))
            .type());
    var stale =
        new SandboxMarketplace.Usage(
            buyer.awsAccountId(),
            buyer.licenseArn(),
            null,
            "traces",
            HOUR.minus(Duration.ofHours(7)),
            1);
    assertEquals(
        "TimestampOutOfBoundsException",
        assertThrows(
                AwsError.class, () -> sandbox.batchMeterUsage("prod-1", java.util.List.of(stale)))
            .type());
    assertTrue(sandbox.received().isEmpty(), "a refused call records nothing");
  }

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
