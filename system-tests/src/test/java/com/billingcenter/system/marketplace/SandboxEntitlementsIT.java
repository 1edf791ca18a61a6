package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.aws.control.AwsMarketplace;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GetEntitlements} through the application's adapter and the real AWS SDK, against the
 * sandbox over HTTP: each value type, every page, and only the buyer's own license.
 */
class SandboxEntitlementsIT {

  private final BillingCenterServer server = BillingCenterServer.shared();
  private final AwsMarketplace aws = SandboxBuyers.adapter(server);

  @AfterEach
  void close() {
    aws.close();
  }

  private void entitle(JsonObject buyer, String entitlements) {
    var response = putEntitlements(buyer, entitlements);
    assertEquals(200, response.statusCode(), response.body());
  }

  private HttpResponse<String> putEntitlements(JsonObject buyer, String entitlements) {
    return Http.send(
        HttpRequest.newBuilder(
                server.uri(
                    "/aws-sandbox/api/buyers/" + buyer.getString("awsAccountId") + "/entitlements"))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(entitlements)));
  }

  private static ResolvedBuyer buyer(JsonObject sandboxBuyer) {
    boolean legacy = sandboxBuyer.getBoolean("legacy");
    return new ResolvedBuyer(
        "aws",
        sandboxBuyer.getString("awsAccountId"),
        AwsLicenses.of(
            legacy ? null : sandboxBuyer.getString("licenseArn"),
            sandboxBuyer.getString("customerIdentifier")),
        sandboxBuyer.getString("productCode"));
  }

  @Test
  void everyValueTypeAndTheExpirationDateArrive() {
    JsonObject current = SandboxBuyers.newBuyer(server, false);
    entitle(
        current,
        """
        [{"dimension": "users", "value": 25, "expirationDate": "2027-12-31T00:00:00Z"},
         {"dimension": "storage_tb", "value": 1.5},
         {"dimension": "sso", "value": true},
         {"dimension": "tier", "value": "gold"}]""");
    List<Entitlement> entitlements = aws.entitlements(buyer(current));
    assertEquals(
        List.of(
            new Entitlement("users", "25", Instant.parse("2027-12-31T00:00:00Z")),
            new Entitlement("storage_tb", "1.5", null),
            new Entitlement("sso", "true", null),
            new Entitlement("tier", "gold", null)),
        entitlements);
  }

  @Test
  void legacyBuyerIsFoundByCustomerIdentifierAndOthersAreNotMixedIn() {
    JsonObject legacy = SandboxBuyers.newBuyer(server, true);
    JsonObject other = SandboxBuyers.newBuyer(server, false);
    entitle(legacy, "[{\"dimension\": \"users\", \"value\": 3}]");
    entitle(other, "[{\"dimension\": \"users\", \"value\": 99}]");
    assertEquals(List.of(new Entitlement("users", "3", null)), aws.entitlements(buyer(legacy)));
    JsonObject none = SandboxBuyers.newBuyer(server, false);
    assertTrue(aws.entitlements(buyer(none)).isEmpty(), "a subscription without a contract");
  }

  @Test
  void manyEntitlementsComeBackInFullOverSeveralPages() {
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    entitle(
        buyer,
        IntStream.range(0, 60)
            .mapToObj(i -> "{\"dimension\": \"d" + i + "\", \"value\": " + i + "}")
            .collect(Collectors.joining(",", "[", "]")));
    List<Entitlement> entitlements = aws.entitlements(buyer(buyer));
    assertEquals(60, entitlements.size(), "three pages of at most 25");
    assertEquals("d59", entitlements.get(59).dimension());
    assertNull(entitlements.get(0).expiresAt());
  }

  @Test
  void anotherProductIsRefused() {
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    try (AwsMarketplace stranger = SandboxBuyers.adapter(server, "someone-elses-product")) {
      var refused =
          assertThrows(MarketplaceException.class, () -> stranger.entitlements(buyer(buyer)));
      assertEquals(MarketplaceException.Reason.REFUSED, refused.reason());
      assertTrue(refused.getMessage().contains("InvalidParameterException"), refused.getMessage());
    }
  }

  @Test
  void badInputToTheControlApiIsRefused() {
    for (String body : List.of("[]", "\"123456789012\"", "{\"awsAccountId\": \"12\"}")) {
      var response = Http.postJson(server.uri("/aws-sandbox/api/buyers"), body);
      assertEquals(400, response.statusCode(), body + " → " + response.body());
    }
    JsonObject buyer = SandboxBuyers.newBuyer(server, false);
    for (String body :
        List.of(
            "{}",
            "[{\"dimension\": \"users\", \"value\": 1}",
            "[{\"value\": 1}]",
            "[{\"dimension\": \"users\", \"value\": null}]",
            "[{\"dimension\": \"users\", \"value\": 99999999999}]",
            "[{\"dimension\": \"users\", \"value\": 1, \"expirationDate\": \"soon\"}]")) {
      var response = putEntitlements(buyer, body);
      assertEquals(400, response.statusCode(), body + " → " + response.body());
    }
  }
}
