package com.billingcenter.system.marketplace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.system.support.BillingCenterServer;
import com.billingcenter.system.support.Http;
import com.billingcenter.system.support.SandboxBuyers;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Each AWS agreement's accepted terms are read with the AWS Marketplace Agreement API
 * (DescribeAgreement, GetAgreementTerms; API reference, "AWS Marketplace Agreement Service") as
 * soon as a license event links the agreement, from the sandbox standing in for AWS, and shown with
 * the cloud account: a private offer in EUR with its own rates, a contract with consumption and its
 * purchased units, and an agreement AWS does not show us (a channel partner's), which falls back to
 * the list price and says so.
 */
class AgreementTermsIT {

  private static final String PASSWORD = "Billing-center-2026";

  private final BillingCenterServer server = BillingCenterServer.shared();

  /** A sandbox buyer of {@code offer}, registered and set up by a new customer; their user name. */
  private String customerOf(String offer) throws Exception {
    return SandboxBuyers.customer(server, "terms", offer, PASSWORD);
  }

  /** The cloud account's agreement once its terms are no longer due (within 20 s). */
  private JsonObject agreementOf(String user) {
    return new FluentWait<>(user)
        .withTimeout(Duration.ofSeconds(20))
        .pollingEvery(Duration.ofMillis(250))
        .until(
            u -> {
              JsonObject account =
                  Http.jsonArray(Http.get(server.uri("/api/v1/cloud-accounts"), u, PASSWORD))
                      .getJsonObject(0);
              JsonObject agreement = account.getJsonObject("agreement");
              return agreement == null || agreement.getString("terms").equals("due")
                  ? null
                  : agreement;
            });
  }

  @Test
  void aPrivateOfferInEurosIsReadWithItsOwnRates() throws Exception {
    String user =
        customerOf(
            "{\"pricing\": \"subscription\", \"currency\": \"EUR\","
                + " \"rates\": {\"DataPoints\": \"0.00085\", \"Traces\": \"0.0021\"},"
                + " \"autoRenew\": true}");
    JsonObject agreement = agreementOf(user);
    assertEquals("read", agreement.getString("terms"), agreement.toString());
    assertEquals("subscription", agreement.getString("pricingModel"));
    assertEquals("EUR", agreement.getString("currency"));
    assertEquals(
        "0.00085", agreement.getJsonObject("rates").getJsonNumber("DataPoints").toString());
    assertEquals("0.0021", agreement.getJsonObject("rates").getJsonNumber("Traces").toString());
    assertTrue(agreement.getBoolean("autoRenew"));
    assertTrue(agreement.getString("id").startsWith("agmt-"), agreement.toString());
    // DescribeAgreement's own fields: the agreement is first-class, not only its prices.
    assertEquals("ACTIVE", agreement.getString("status"), agreement.toString());
    assertEquals("offer-subscription", agreement.getString("offerId"));
    assertTrue(agreement.getString("acceptorAccountId").matches("\\d{12}"), agreement.toString());
    assertTrue(agreement.containsKey("acceptedAt"), agreement.toString());
  }

  @Test
  void aContractWithConsumptionIsReadWithItsPurchasedUnits() throws Exception {
    String user =
        customerOf(
            "{\"pricing\": \"contractWithConsumption\", \"currency\": \"USD\","
                + " \"rates\": {\"DataPoints\": \"0.001\"}, \"purchased\": {\"DataPoints\": 100},"
                + " \"endsAt\": \"2027-12-01T00:00:00Z\"}");
    JsonObject agreement = agreementOf(user);
    assertEquals(
        "contract_with_consumption", agreement.getString("pricingModel"), agreement.toString());
    assertEquals(100, agreement.getJsonObject("purchased").getInt("DataPoints"));
    assertEquals("2027-12-01T00:00:00Z", agreement.getString("endsAt"));
  }

  @Test
  void termsAwsDoesNotShowUsFallBackToTheListPriceAndSaySo() throws Exception {
    String user = customerOf("{\"pricing\": \"subscription\", \"refused\": true}");
    JsonObject agreement = agreementOf(user);
    assertEquals("refused", agreement.getString("terms"), agreement.toString());
    assertTrue(
        agreement.getString("termsError").contains("AccessDeniedException"), agreement.toString());
    assertTrue(!agreement.containsKey("pricingModel"), "the list price applies");
  }
}
