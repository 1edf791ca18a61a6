package com.billingcenter.system.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.aws.control.AwsMarketplace;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.MeteredUsage;
import com.billingcenter.marketplace.control.MeteringResult;
import com.billingcenter.marketplace.control.MeteringResult.Status;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code BatchMeterUsage} through the application's adapter and the real AWS SDK, against the
 * sandbox over HTTP: the license ARN the SDK model lacks goes out and comes back, and every status
 * AWS gives is understood.
 */
class SandboxMeteringIT {

  private final BillingCenterServer server = BillingCenterServer.shared();
  private final AwsMarketplace aws = SandboxBuyers.adapter(server);

  @AfterEach
  void close() {
    aws.close();
  }

  private JsonObject newBuyer(boolean legacy) {
    return SandboxBuyers.newBuyer(server, legacy);
  }

  private static Instant lastHour() {
    return Instant.now().truncatedTo(ChronoUnit.HOURS).minus(1, ChronoUnit.HOURS);
  }

  private static MeteredUsage usage(JsonObject buyer, String dimension, int quantity) {
    boolean legacy = buyer.getBoolean("legacy");
    return new MeteredUsage(
        buyer.getString("awsAccountId"),
        AwsLicenses.of(
            legacy ? null : buyer.getString("licenseArn"),
            legacy ? buyer.getString("customerIdentifier") : null),
        dimension,
        lastHour(),
        quantity);
  }

  private static MeteringResult resultFor(List<MeteringResult> results, MeteredUsage usage) {
    return results.stream().filter(r -> r.usage().equals(usage)).findFirst().orElseThrow();
  }

  @Test
  void recordsOfCurrentAndLegacyBuyersAreMeteredAndMatchedBack() {
    JsonObject current = newBuyer(false);
    JsonObject legacy = newBuyer(true);
    MeteredUsage datapoints = usage(current, "DataPoints", 120);
    MeteredUsage zero = usage(current, "LogVolume", 0);
    MeteredUsage legacyTraces = usage(legacy, "Traces", 3);
    // Records by license and legacy records go in separate calls: only the legacy call names the
    // product (BatchMeterUsage; the sandbox refuses ProductCode beside LicenseArn).
    assertThrows(
        IllegalArgumentException.class, () -> aws.meter(List.of(datapoints, legacyTraces)));
    List<MeteringResult> results = new java.util.ArrayList<>(aws.meter(List.of(datapoints, zero)));
    results.addAll(aws.meter(List.of(legacyTraces)));
    assertEquals(3, results.size());
    for (MeteredUsage sent : List.of(datapoints, zero, legacyTraces)) {
      MeteringResult result = resultFor(results, sent);
      assertEquals(Status.SUCCESS, result.status(), sent.toString());
      assertNotNull(result.meteringRecordId());
    }
    String received = Http.get(server.uri("/aws-sandbox/api/metering")).body();
    assertTrue(
        received.contains(current.getString("licenseArn")),
        "the license ARN reached AWS although the SDK model lacks it");
  }

  @Test
  void firstQuantityStandsUnknownLicenseIsNotSubscribed() {
    JsonObject buyer = newBuyer(false);
    MeteredUsage first = usage(buyer, "SyntheticTests", 5);
    assertEquals(Status.SUCCESS, aws.meter(List.of(first)).get(0).status());
    MeteredUsage again = usage(buyer, "SyntheticTests", 5);
    assertEquals(Status.SUCCESS, aws.meter(List.of(again)).get(0).status(), "a retry is harmless");
    MeteredUsage other = usage(buyer, "SyntheticTests", 6);
    assertEquals(Status.DUPLICATE_RECORD, aws.meter(List.of(other)).get(0).status());
    // A license AWS never issued fails the whole call (BatchMeterUsage errors:
    // InvalidLicenseException); Sending then isolates it by bisection.
    MeteredUsage stranger =
        new MeteredUsage(
            "111122223333",
            AwsLicenses.of("arn:aws:license-manager::111122223333:license:l-unknown", null),
            "SyntheticTests",
            lastHour(),
            1);
    var refused = assertThrows(MarketplaceException.class, () -> aws.meter(List.of(stranger)));
    assertTrue(refused.getMessage().contains("InvalidLicenseException"), refused.getMessage());
  }

  /** BatchMeterUsage errors: InvalidUsageDimensionException fails the whole call. */
  @Test
  void aDimensionTheListingDoesNotDefineRefusesTheWholeCall() {
    JsonObject buyer = newBuyer(false);
    var refused =
        assertThrows(
            MarketplaceException.class,
            () -> aws.meter(List.of(usage(buyer, "DataPoints", 1), usage(buyer, "dataPoints", 1))));
    assertEquals(MarketplaceException.Reason.REFUSED, refused.reason());
    assertTrue(
        refused.getMessage().contains("InvalidUsageDimensionException"), refused.getMessage());
  }

  @Test
  void staleHourRefusesTheWholeCall() {
    JsonObject buyer = newBuyer(false);
    MeteredUsage stale =
        new MeteredUsage(
            buyer.getString("awsAccountId"),
            AwsLicenses.of(buyer.getString("licenseArn"), null),
            "DataPoints",
            lastHour().minus(30, ChronoUnit.HOURS),
            1);
    var refused = assertThrows(MarketplaceException.class, () -> aws.meter(List.of(stale)));
    assertEquals(MarketplaceException.Reason.REFUSED, refused.reason());
    assertTrue(
        refused.getMessage().contains("TimestampOutOfBoundsException"), refused.getMessage());
    assertThrows(IllegalArgumentException.class, () -> aws.meter(List.of()));
  }
}
