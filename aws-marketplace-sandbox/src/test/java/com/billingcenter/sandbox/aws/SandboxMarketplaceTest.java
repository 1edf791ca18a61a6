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
    // Records by license: the request names no product (BatchMeterUsage, Concurrent Agreements).
    var first = sandbox.batchMeterUsage(null, java.util.List.of(usage(buyer, "datapoints", 7)));
    assertEquals("Success", first.get(0).status());
    var same = sandbox.batchMeterUsage(null, java.util.List.of(usage(buyer, "datapoints", 7)));
    assertEquals("Success", same.get(0).status());
    assertEquals(first.get(0).meteringRecordId(), same.get(0).meteringRecordId());
    var other = sandbox.batchMeterUsage(null, java.util.List.of(usage(buyer, "datapoints", 8)));
    assertEquals("DuplicateRecord", other.get(0).status());
    assertEquals(3, sandbox.received().size());
  }

  /**
   * UsageAllocations as the API reference states them (UsageRecord, UsageAllocation, Tag): the
   * parts sum to the record's quantity, at most 5 tag keys, tags of [a-zA-Z0-9+ -=._:/@], no two
   * parts with the same tags; an untagged part stands for the rest.
   */
  @Test
  void allocationsSumToTheQuantityWithAtMostFiveTagKeys() {
    var buyer = sandbox.subscribe("123456789012", false);
    java.util.function.Function<java.util.List<SandboxMarketplace.Allocation>, String> send =
        allocations -> {
          try {
            return sandbox
                .batchMeterUsage(
                    null,
                    java.util.List.of(
                        new SandboxMarketplace.Usage(
                            buyer.awsAccountId(),
                            buyer.licenseArn(),
                            null,
                            "datapoints",
                            HOUR,
                            12,
                            allocations)))
                .get(0)
                .status();
          } catch (AwsError e) {
            return e.type();
          }
        };
    var us =
        new SandboxMarketplace.Allocation(7, java.util.Map.of("workspace", "41", "site", "us1"));
    assertEquals(
        "Success",
        send.apply(
            java.util.List.of(us, new SandboxMarketplace.Allocation(5, java.util.Map.of()))));
    assertEquals(
        "InvalidUsageAllocationsException", send.apply(java.util.List.of(us)), "7 is not 12");
    assertEquals(
        "InvalidUsageAllocationsException",
        send.apply(java.util.List.of(us, new SandboxMarketplace.Allocation(5, us.tags()))),
        "the same tags twice");
    assertEquals(
        "InvalidTagException",
        send.apply(
            java.util.List.of(
                new SandboxMarketplace.Allocation(12, java.util.Map.of("workspace", "商店")))));
    var six = new java.util.HashMap<String, String>();
    for (int i = 0; i < 6; i++) {
      six.put("k" + i, "v");
    }
    assertEquals(
        "InvalidUsageAllocationsException",
        send.apply(java.util.List.of(new SandboxMarketplace.Allocation(12, six))),
        "six tag keys");
  }

  @Test
  void anUnknownLicenseFailsTheCallAndLegacyBuyersAreKnownByCustomerIdentifier() {
    var legacy = sandbox.subscribe("210987654321", true);
    var current = sandbox.subscribe("123456789012", false);
    var stranger =
        new SandboxMarketplace.Usage(
            "111111111111", "arn:aws:license-manager::1:license:l-x", null, "logs", HOUR, 1);
    assertEquals(
        "InvalidLicenseException",
        assertThrows(
                AwsError.class,
                () ->
                    sandbox.batchMeterUsage(
                        null, java.util.List.of(usage(current, "logs", 1), stranger)))
            .type(),
        "one unknown license fails the whole call (BatchMeterUsage errors)");
    var results = sandbox.batchMeterUsage("prod-1", java.util.List.of(usage(legacy, "logs", 2)));
    assertEquals("Success", results.get(0).status());
    sandbox.unsubscribe(current.awsAccountId());
    assertEquals(
        "Success",
        sandbox.batchMeterUsage(null, java.util.List.of(usage(current, "logs", 3))).get(0).status(),
        "within the final hour after deprovisioning");
  }

  @Test
  void productCodeBesideLicenseArnIsRefused() {
    var buyer = sandbox.subscribe("123456789012", false);
    assertEquals(
        "ValidationException",
        assertThrows(
                AwsError.class,
                () -> sandbox.batchMeterUsage("prod-1", java.util.List.of(usage(buyer, "logs", 1))))
            .type());
    assertTrue(sandbox.received().isEmpty());
  }

  @Test
  void entitlementsAreFilteredByKeysIntersectedAndValuesUnionedAndPaged() {
    var a = sandbox.subscribe("111111111111", false);
    var b = sandbox.subscribe("222222222222", false);
    var legacy = sandbox.subscribe("333333333333", true);
    Instant end = Instant.parse("2027-01-01T00:00:00Z");
    sandbox.entitle(
        a.awsAccountId(),
        java.util.List.of(
            new SandboxMarketplace.Entitlement("users", 10, end),
            new SandboxMarketplace.Entitlement("tier", "gold", null)));
    sandbox.entitle(
        b.awsAccountId(), java.util.List.of(new SandboxMarketplace.Entitlement("users", 3, end)));
    sandbox.entitle(
        legacy.awsAccountId(),
        java.util.List.of(new SandboxMarketplace.Entitlement("sso", true, null)));

    var ofA =
        sandbox.getEntitlements(
            "prod-1",
            java.util.Map.of("LICENSE_ARN", java.util.List.of(a.licenseArn())),
            null,
            null);
    assertEquals(2, ofA.entitlements().size());
    assertTrue(ofA.entitlements().stream().allMatch(e -> e.buyer().equals(a)));
    var users =
        sandbox.getEntitlements(
            "prod-1",
            java.util.Map.of(
                "CUSTOMER_AWS_ACCOUNT_ID",
                java.util.List.of(a.awsAccountId(), b.awsAccountId()),
                "DIMENSION",
                java.util.List.of("users")),
            null,
            null);
    assertEquals(
        java.util.List.of(10, 3),
        users.entitlements().stream().map(e -> e.entitlement().value()).toList(),
        "values of a key are unioned, keys intersected");
    var ofLegacy =
        sandbox.getEntitlements(
            "prod-1",
            java.util.Map.of("CUSTOMER_IDENTIFIER", java.util.List.of(legacy.customerIdentifier())),
            null,
            null);
    assertEquals(true, ofLegacy.entitlements().get(0).entitlement().value());

    var first = sandbox.getEntitlements("prod-1", java.util.Map.of(), 2, null);
    assertEquals(2, first.entitlements().size());
    var rest = sandbox.getEntitlements("prod-1", java.util.Map.of(), 2, first.nextToken());
    assertEquals(2, rest.entitlements().size());
    assertNull(rest.nextToken(), "four entitlements in two pages of two");
  }

  @Test
  void getEntitlementsRefusesWhatAwsRefuses() {
    sandbox.subscribe("111111111111", false);
    assertEquals(
        "InvalidParameterException",
        assertThrows(
                AwsError.class,
                () -> sandbox.getEntitlements("other", java.util.Map.of(), null, null))
            .type());
    assertEquals(
        "InvalidParameterException",
        assertThrows(
                AwsError.class,
                () ->
                    sandbox.getEntitlements(
                        "prod-1",
                        java.util.Map.of(
                            "CUSTOMER_IDENTIFIER", java.util.List.of("x"),
                            "CUSTOMER_AWS_ACCOUNT_ID", java.util.List.of("111111111111")),
                        null,
                        null))
            .type(),
        "customer identifier and account id exclude each other");
    assertThrows(
        AwsError.class, () -> sandbox.getEntitlements("prod-1", java.util.Map.of(), 26, null));
    assertThrows(
        AwsError.class, () -> sandbox.getEntitlements("prod-1", java.util.Map.of(), null, "%%"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new SandboxMarketplace.Entitlement("users", 1L, null),
        "AWS's integer value is 32-bit");
  }

  @Test
  void wholeCallIsRefusedForAnotherProductTooManyRecordsOrAStaleHour() {
    var buyer = sandbox.subscribe("123456789012", true);
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
            null, null, buyer.customerIdentifier(), "traces", HOUR.minus(Duration.ofHours(25)), 1);
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

  @Test
  void aDimensionTheListingDoesNotDefineFailsTheWholeCall() {
    var listed =
        new SandboxMarketplace(
            "prod-1", java.util.Set.of("DataPoints"), Duration.ofHours(4), clock);
    var buyer = listed.subscribe("123456789012", false);
    assertEquals(
        "InvalidUsageDimensionException",
        assertThrows(
                AwsError.class,
                () ->
                    listed.batchMeterUsage(
                        null,
                        java.util.List.of(
                            usage(buyer, "DataPoints", 1), usage(buyer, "datapoints", 1))))
            .type(),
        "case-sensitive, and one bad record fails the call");
    assertTrue(listed.received().isEmpty());
  }
}
