package com.billingcenter.marketplace.aws.eventbridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.control.AgreementEnding;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.platform.control.JsonText;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The Seller Guide's own example events ("Amazon EventBridge events", Events for agreements and
 * Events for licenses), as AWS prints them, read by {@link EventBridgeEvents}. The files are under
 * {@code src/test/resources/aws-documented/eventbridge}; each names its page.
 */
class EventBridgeEventsTest {

  /** The product code of the guide's license examples. */
  private static final String PRODUCT = "aw4fgf5tyo5w2ap6fEXAMPLE";

  private static final String AGREEMENT = "agmt-4mwg1nevbokzw95eca5797ixs";

  static JsonObject documented(String file) {
    try (InputStream in =
        EventBridgeEventsTest.class.getResourceAsStream("/aws-documented/eventbridge/" + file)) {
      assertNotNull(in, file);
      return JsonText.PROVIDER.createReader(in).readObject();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] payload(String file) {
    return documented(file).getJsonObject("payload").toString().getBytes(StandardCharsets.UTF_8);
  }

  private static SubscriptionEvent read(byte[] body) {
    EventBridgeEvents.Reading reading = EventBridgeEvents.read(body, "eventbridge", "aws", PRODUCT);
    assertNotNull(reading.event(), "ignored: " + reading.ignored());
    return reading.event();
  }

  @Test
  void bothVariantsOfAnAgreementCreatedSubscribeByAgreementAlone() {
    for (String file :
        new String[] {
          "purchase-agreement-created-proposer.json", "purchase-agreement-created-manufacturer.json"
        }) {
      SubscriptionEvent event = read(payload(file));
      assertEquals(SubscriptionChange.SUBSCRIBED, event.change(), file);
      assertEquals(AGREEMENT, event.agreementId(), file);
      assertNull(event.licenseKey(), file + ": agreement events name no license");
      assertNull(event.renews(), file);
      assertEquals(Instant.parse("2024-08-30T21:36:03Z"), event.occurredAt());
      assertEquals("12345678-1234-1234-1234-123456789012", event.messageId());
    }
  }

  @Test
  void aRenewalsNewAgreementNamesTheAgreementItCarriesOn() {
    SubscriptionEvent event = read(payload("purchase-agreement-created-proposer-renew.json"));
    assertEquals(SubscriptionChange.CARRIED_ON, event.change(), "intent RENEW");
    assertEquals("agmt-newrenewalagreementid", event.agreementId());
    assertEquals(AGREEMENT, event.renews());
  }

  @Test
  void amendmentsOfBothVariantsChangeTheEntitlements() {
    for (String file :
        new String[] {
          "purchase-agreement-amended-proposer.json", "purchase-agreement-amended-manufacturer.json"
        }) {
      SubscriptionEvent event = read(payload(file));
      assertEquals(SubscriptionChange.ENTITLEMENTS_CHANGED, event.change(), file);
      assertEquals(AGREEMENT, event.agreementId(), file);
    }
  }

  @Test
  void aCancelledAgreementEndsTheSubscriptionInBothVariants() {
    for (String file :
        new String[] {
          "purchase-agreement-ended-proposer.json", "purchase-agreement-ended-manufacturer.json"
        }) {
      SubscriptionEvent event = read(payload(file));
      assertEquals(SubscriptionChange.ENDED, event.change(), file);
      assertEquals(AGREEMENT, event.agreementId(), file);
    }
  }

  @Test
  void expiredAndTerminatedEndItTooButRenewedAndReplacedCarryItOn() {
    String cancelled =
        new String(payload("purchase-agreement-ended-proposer.json"), StandardCharsets.UTF_8);
    for (String status : new String[] {"EXPIRED", "TERMINATED"}) {
      byte[] ended = cancelled.replace("CANCELLED", status).getBytes(StandardCharsets.UTF_8);
      assertEquals(SubscriptionChange.ENDED, read(ended).change(), status);
    }
    // Seller Guide, "Amazon EventBridge events" and "Work with renewals": a renewed or replaced
    // agreement is followed by a new one; the subscription goes on.
    for (String status : new String[] {"RENEWED", "REPLACED"}) {
      byte[] ended = cancelled.replace("CANCELLED", status).getBytes(StandardCharsets.UTF_8);
      assertEquals(SubscriptionChange.CARRIED_ON, read(ended).change(), status + " locks nothing");
    }
    byte[] archived = cancelled.replace("CANCELLED", "ARCHIVED").getBytes(StandardCharsets.UTF_8);
    EventBridgeEvents.Reading reading =
        EventBridgeEvents.read(archived, "eventbridge", "aws", PRODUCT);
    assertNull(reading.event(), "ARCHIVED changes nothing");
    assertEquals("agreement ended ARCHIVED", reading.ignored());
  }

  @Test
  void licenseEventsLinkTheAgreementToTheLicenseAsAwsWritesIt() {
    SubscriptionEvent updated = read(payload("license-updated-manufacturer.json"));
    assertEquals(SubscriptionChange.ENTITLEMENTS_CHANGED, updated.change());
    assertEquals(AGREEMENT, updated.agreementId());
    // aws:license-manager:us-east-1:123456789012:l-e52ca6f38bf84d0fafb8802ca15ac11x, no "arn:"
    assertEquals("l-e52ca6f38bf84d0fafb8802ca15ac11x", updated.licenseKey());
    assertEquals("845735284135", updated.acceptor(), "detail.acceptor.accountId");
    assertEquals("aw4fgf5tyo5w2ap6fEXAMPLE", updated.productCode(), "detail.product.code");
    SubscriptionEvent deprovisioned = read(payload("license-deprovisioned-manufacturer.json"));
    assertEquals(SubscriptionChange.DEPROVISIONED, deprovisioned.change());
    assertEquals(updated.licenseKey(), deprovisioned.licenseKey());
  }

  @Test
  void anotherProductsLicenseEventIsIgnoredNotRefused() {
    EventBridgeEvents.Reading reading =
        EventBridgeEvents.read(
            payload("license-deprovisioned-manufacturer.json"),
            "eventbridge",
            "aws",
            "our-product");
    assertNull(reading.event());
    assertEquals("another product", reading.ignored());
  }

  /**
   * The Seller Guide's "Purchase Agreement Ending - Proposer" (notifications-eventbridge.html,
   * Events for agreements) is read as the agreement's coming end, to announce: not a change of the
   * subscription.
   */
  @Test
  void anEndingAgreementIsReadAsItsEndToAnnounce() {
    EventBridgeEvents.Reading reading =
        EventBridgeEvents.read(
            payload("purchase-agreement-ending-proposer.json"), "e", "aws", PRODUCT);
    assertNull(reading.event(), "no lifecycle change");
    assertNull(reading.ignored());
    AgreementEnding ending = reading.ending();
    assertEquals(AGREEMENT, ending.agreementId());
    assertEquals(Instant.parse("2026-12-31T00:00:00Z"), ending.endTime());
    assertEquals(180, ending.daysBefore());
    assertTrue(ending.autoRenewal());
    assertEquals("12345678-1234-1234-1234-123456789012", ending.messageId());
    String documented =
        new String(payload("purchase-agreement-ending-proposer.json"), StandardCharsets.UTF_8);
    for (String broken :
        new String[] {
          documented.replace("\"daysBeforeEndTime\":180", "\"daysBeforeEndTime\":\"soon\""),
          documented.replace("2026-12-31T00:00:00Z", "tomorrow")
        }) {
      assertTrue(!broken.equals(documented), "the example was changed");
      assertThrows(
          IllegalArgumentException.class,
          () ->
              EventBridgeEvents.read(broken.getBytes(StandardCharsets.UTF_8), "e", "aws", PRODUCT));
    }
  }

  @Test
  void detailTypesWeDoNotActOnAreIgnored() {
    String documented =
        new String(payload("purchase-agreement-ending-proposer.json"), StandardCharsets.UTF_8);
    EventBridgeEvents.Reading reading =
        EventBridgeEvents.read(
            documented
                .replace("Purchase Agreement Ending", "Purchase Agreement Pondering")
                .getBytes(StandardCharsets.UTF_8),
            "e",
            "aws",
            PRODUCT);
    assertNull(reading.event());
    assertEquals("detail-type Purchase Agreement Pondering - Proposer", reading.ignored());
  }

  /**
   * Issue 26, "nothing AWS sends is lost": a license event without its license ARN but with its
   * agreement is read (the lifecycle finds the license through the agreement), not refused with a
   * 400 that EventBridge would not retry (an API destination retries only 401, 407, 409, 429 and
   * 5xx: "API destinations",
   * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-api-destinations.html). The payload
   * is the Seller Guide's (notifications-eventbridge.html, Events for licenses).
   */
  @Test
  void aLicenseEventWithoutItsArnIsReadByItsAgreement() {
    String license =
        new String(payload("license-deprovisioned-manufacturer.json"), StandardCharsets.UTF_8);
    SubscriptionEvent event =
        read(license.replace("\"license\"", "\"licence\"").getBytes(StandardCharsets.UTF_8));
    assertNull(event.licenseKey());
    assertEquals(SubscriptionChange.DEPROVISIONED, event.change());
    assertTrue(
        event.agreementId() != null && event.agreementId().startsWith("agmt-"), event.toString());
  }

  @Test
  void whatIsNoAwsEventIsRefused() {
    String ended =
        new String(payload("purchase-agreement-ended-proposer.json"), StandardCharsets.UTF_8);
    String license =
        new String(payload("license-updated-manufacturer.json"), StandardCharsets.UTF_8);
    for (String bad :
        new String[] {
          "{\"id\": ",
          "[]",
          ended.replace("\"time\"", "\"when\""),
          ended.replace("2024-08-30T21:36:03Z", "yesterday"),
          ended.replace("\"agreement\"", "\"contract\""),
          ended.replace(AGREEMENT, "agmt with spaces"),
          license.replace("\"license\"", "\"licence\"").replace("\"agreement\"", "\"contract\""),
          license.replace("l-e52ca6f38bf84d0fafb8802ca15ac11x", "nothing-like-a-license"),
        }) {
      assertThrows(
          IllegalArgumentException.class,
          () -> EventBridgeEvents.read(bad.getBytes(StandardCharsets.UTF_8), "e", "aws", PRODUCT),
          bad);
    }
  }
}
