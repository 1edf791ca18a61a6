package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.marketplace.aws.control.AwsMarketplace;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The application's AWS adapter, with the real AWS SDK, against the sandbox over HTTP: the sandbox
 * speaks AWS's JSON 1.1 protocol closely enough for the SDK to parse its answers and its errors.
 */
class SandboxResolveCustomerIT {

  private final BillingCenterServer server = BillingCenterServer.shared();
  private final AwsMarketplace aws = SandboxBuyers.adapter(server);

  @AfterEach
  void close() {
    aws.close();
  }

  private JsonObject newBuyer(boolean legacy) {
    return SandboxBuyers.newBuyer(server, legacy);
  }

  @Test
  void currentProductBuyerResolvesToAccountIdAndLicense() {
    JsonObject buyer = newBuyer(false);
    var resolved = aws.resolveRegistration(buyer.getString("registrationToken"));
    assertEquals(buyer.getString("awsAccountId"), resolved.accountId());
    assertEquals(buyer.getString("licenseArn"), resolved.license().reference());
    assertEquals("billing-center-product", resolved.productCode());
    assertFalse(resolved.license().legacy(), "new products have no CustomerIdentifier");
    assertEquals("aws", resolved.provider());
  }

  @Test
  void legacyBuyerResolvesToCustomerIdentifierWithoutLicense() {
    JsonObject buyer = newBuyer(true);
    var resolved = aws.resolveRegistration(buyer.getString("registrationToken"));
    assertEquals(buyer.getString("customerIdentifier"), resolved.license().reference());
    assertTrue(resolved.license().legacy());
  }

  @Test
  void freshTokenForAKnownBuyerResolvesToTheSameBuyer() {
    JsonObject buyer = newBuyer(false);
    var again =
        Http.postJson(
            server.uri("/aws-sandbox/api/buyers/" + buyer.getString("awsAccountId") + "/tokens"),
            "");
    assertEquals(201, again.statusCode());
    var resolved = aws.resolveRegistration(Http.json(again).getString("registrationToken"));
    assertEquals(buyer.getString("licenseArn"), resolved.license().reference());
  }

  @Test
  void unknownTokenIsInvalidThroughTheSdksOwnException() {
    var refused =
        assertThrows(MarketplaceException.class, () -> aws.resolveRegistration("not-a-real-token"));
    assertEquals(MarketplaceException.Reason.INVALID_TOKEN, refused.reason());
  }

  @Test
  void tokenWithControlCharactersIsRefusedWithoutAsking() {
    var refused =
        assertThrows(MarketplaceException.class, () -> aws.resolveRegistration("abc\r\ndef"));
    assertEquals(MarketplaceException.Reason.INVALID_TOKEN, refused.reason());
    assertNull(refused.getCause(), "AWS was not called");
  }
}
