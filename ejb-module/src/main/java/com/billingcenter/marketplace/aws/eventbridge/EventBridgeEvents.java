package com.billingcenter.marketplace.aws.eventbridge;

import static com.billingcenter.platform.control.JsonText.object;
import static com.billingcenter.platform.control.JsonText.text;

import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.aws.control.AwsLicenses;
import com.billingcenter.marketplace.control.AgreementEnding;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.marketplace.entity.AgreementLicense;
import com.billingcenter.marketplace.entity.MarketplaceEvent;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an AWS Marketplace event as EventBridge delivers it. The shapes are the Seller Guide's
 * ("Amazon EventBridge events", sections Events for agreements and Events for licenses):
 *
 * <ul>
 *   <li>{@code Purchase Agreement Created|Amended|Ended - Proposer} and {@code … - Manufacturer}:
 *       {@code detail.agreement.id}, and no license and no product code. A seller that sells its
 *       own offers is both manufacturer and proposer and receives only the Proposer variant
 *       ("Managing SaaS subscription events with Amazon EventBridge"); a channel partner's offer
 *       gives the Manufacturer one. Both mean the same here.
 *   <li>Ended's {@code detail.agreement.status}: CANCELLED, EXPIRED and TERMINATED end the
 *       subscription; RENEWED and REPLACED do not, a new agreement follows (DescribeAgreement's
 *       status values): the subscription is carried on.
 *   <li>Created's {@code intent} RENEW or REPLACE: the subscription is carried on; with {@code
 *       previousAgreementId} (documented for renewals only), the agreement that the new one
 *       follows.
 *   <li>{@code Purchase Agreement Ending - Proposer}: {@code detail.agreement.endTime}, {@code
 *       daysBeforeEndTime} (180, 120, 90, 60, 30) and {@code autoRenewalEnabled}: announced to the
 *       customer, not a change of the subscription.
 *   <li>{@code License Updated - Manufacturer} and {@code License Deprovisioned - Manufacturer}:
 *       {@code detail.license.arn}, {@code detail.agreement.id}, {@code detail.product.code},
 *       {@code detail.acceptor.accountId}. The first links the agreement to its license; the second
 *       ends the subscription and opens the one-hour window for its final usage.
 * </ul>
 *
 * Every other detail type, and a license event for another product, is acknowledged and ignored.
 */
public final class EventBridgeEvents {

  /** The source of AWS Marketplace's agreement and license events. */
  public static final String SOURCE = "aws.agreement-marketplace";

  /** AgreementViewSummary.agreementId: 1 to 64 of these. */
  private static final Pattern AGREEMENT_ID = Pattern.compile("[A-Za-z0-9_/-]{1,64}");

  private static final Set<String> ENDING_STATUSES = Set.of("CANCELLED", "EXPIRED", "TERMINATED");

  private static final Set<String> CARRIED_ON_STATUSES = Set.of("RENEWED", "REPLACED");

  private EventBridgeEvents() {}

  /**
   * What an event means here: a change to apply, an agreement's coming end to announce, or the
   * reason it is ignored.
   */
  public record Reading(SubscriptionEvent event, String ignored, AgreementEnding ending) {
    static Reading ignore(String why) {
      return new Reading(null, why, null);
    }
  }

  /**
   * Reads one event.
   *
   * @param channel the channel name events are kept under
   * @param provider the Marketplace the endpoint serves: {@code aws}, or {@code aws-cn} for the
   *     China partition, whose EventBridge delivers to an endpoint of its own
   * @param ourProductCode the product code of the listing (license events of others are ignored)
   * @throws IllegalArgumentException when the body is not an EventBridge event we can read
   */
  public static Reading read(byte[] body, String channel, String provider, String ourProductCode) {
    JsonObject event = object(body);
    String id = text(event, "id");
    String detailType = text(event, "detail-type");
    String time = text(event, "time");
    if (id == null || detailType == null || time == null) {
      throw new IllegalArgumentException("An event has an id, a detail-type and a time.");
    }
    if (id.isBlank() || id.length() > MarketplaceEvent.MAX_MESSAGE_ID) {
      throw new IllegalArgumentException("The event id is empty or too long.");
    }
    Instant occurredAt;
    try {
      occurredAt = Instant.parse(time);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("The time is not an ISO-8601 instant.");
    }
    String source = text(event, "source");
    if (source != null && !SOURCE.equals(source)) {
      return Reading.ignore("source " + source);
    }
    Kind kind = Kind.of(detailType);
    if (kind == null) {
      return Reading.ignore("detail-type " + detailType);
    }
    if (!(event.get("detail") instanceof JsonObject detail)) {
      throw new IllegalArgumentException("The event has no detail.");
    }
    JsonObject agreement = object(detail, "agreement");
    String agreementId = agreement == null ? null : text(agreement, "id");
    if (agreementId != null && !AGREEMENT_ID.matcher(agreementId).matches()) {
      throw new IllegalArgumentException("The agreement id is not one AWS writes.");
    }
    String licenseKey = null;
    SubscriptionChange change;
    String renews = null;
    String acceptor = null;
    String productCode = null;
    String licenseArn = null;
    switch (kind) {
      case LICENSE_UPDATED, LICENSE_DEPROVISIONED -> {
        JsonObject product = object(detail, "product");
        productCode = product == null ? null : text(product, "code");
        JsonObject acceptorObject = object(detail, "acceptor");
        acceptor = acceptorObject == null ? null : text(acceptorObject, "accountId");
        if (productCode != null
            && ourProductCode != null
            && !ourProductCode.isBlank()
            && !ourProductCode.equals(productCode)) {
          return Reading.ignore("another product");
        }
        JsonObject license = object(detail, "license");
        String arn = license == null ? null : text(license, "arn");
        if (arn == null && agreementId != null && AGREEMENT_ID.matcher(agreementId).matches()) {
          // No license named: the lifecycle finds it through the agreement (or keeps the event
          // waiting for the agreement's license), rather than the event being refused and lost.
          licenseKey = null;
        } else if (!AwsLicenses.isLicenseArn(arn)) {
          throw new IllegalArgumentException("A license event names its license ARN or agreement.");
        } else {
          licenseKey = AwsLicenses.key(arn, null);
          licenseArn = AwsLicenses.resolvedForm(arn, provider, acceptor);
        }
        change =
            kind == Kind.LICENSE_UPDATED
                ? SubscriptionChange.ENTITLEMENTS_CHANGED
                : SubscriptionChange.DEPROVISIONED;
      }
      case CREATED -> {
        requireAgreement(agreementId);
        String intent = text(agreement, "intent");
        boolean carriesOn = "RENEW".equals(intent) || "REPLACE".equals(intent);
        change = carriesOn ? SubscriptionChange.CARRIED_ON : SubscriptionChange.SUBSCRIBED;
        String previous = text(agreement, "previousAgreementId");
        if (carriesOn && previous != null && AGREEMENT_ID.matcher(previous).matches()) {
          renews = previous;
        }
      }
      case ENDING -> {
        return new Reading(
            null, null, ending(agreement, agreementId, channel, id, provider, occurredAt));
      }
      case AMENDED -> {
        requireAgreement(agreementId);
        change = SubscriptionChange.ENTITLEMENTS_CHANGED;
      }
      case ENDED -> {
        requireAgreement(agreementId);
        String status = text(agreement, "status");
        if (CARRIED_ON_STATUSES.contains(status)) {
          // A new agreement carries the subscription on: a deprovisioning near it ends nothing.
          change = SubscriptionChange.CARRIED_ON;
        } else if (ENDING_STATUSES.contains(status)) {
          change = SubscriptionChange.ENDED;
        } else {
          return Reading.ignore("agreement ended " + status);
        }
      }
      default -> throw new IllegalStateException(kind.name());
    }
    return new Reading(
        new SubscriptionEvent(
            channel,
            id,
            provider,
            licenseKey,
            agreementId,
            renews,
            change,
            occurredAt,
            acceptor,
            productCode,
            licenseArn),
        null,
        null);
  }

  private enum Kind {
    CREATED,
    AMENDED,
    ENDED,
    ENDING,
    LICENSE_UPDATED,
    LICENSE_DEPROVISIONED;

    static Kind of(String detailType) {
      return switch (detailType) {
        case "Purchase Agreement Created - Proposer", "Purchase Agreement Created - Manufacturer" ->
            CREATED;
        case "Purchase Agreement Amended - Proposer", "Purchase Agreement Amended - Manufacturer" ->
            AMENDED;
        case "Purchase Agreement Ended - Proposer", "Purchase Agreement Ended - Manufacturer" ->
            ENDED;
        case "Purchase Agreement Ending - Proposer" -> ENDING;
        case "License Updated - Manufacturer" -> LICENSE_UPDATED;
        case "License Deprovisioned - Manufacturer" -> LICENSE_DEPROVISIONED;
        default -> null;
      };
    }
  }

  /**
   * {@code Purchase Agreement Ending - Proposer}: {@code detail.agreement} holds {@code endTime},
   * {@code daysBeforeEndTime} and {@code autoRenewalEnabled}.
   */
  private static AgreementEnding ending(
      JsonObject agreement,
      String agreementId,
      String channel,
      String id,
      String provider,
      Instant occurredAt) {
    requireAgreement(agreementId);
    Instant endTime;
    try {
      endTime = Instant.parse(String.valueOf(text(agreement, "endTime")));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("An ending agreement names its endTime.");
    }
    if (!(agreement.get("daysBeforeEndTime") instanceof jakarta.json.JsonNumber days)
        || !days.isIntegral()
        || days.longValue() < 0
        || days.longValue() > 3660) {
      throw new IllegalArgumentException("An ending agreement names its daysBeforeEndTime.");
    }
    boolean autoRenewal = agreement.get("autoRenewalEnabled") == jakarta.json.JsonValue.TRUE;
    return new AgreementEnding(
        channel, id, provider, agreementId, endTime, days.intValue(), autoRenewal, occurredAt);
  }

  private static void requireAgreement(String agreementId) {
    if (agreementId == null) {
      throw new IllegalArgumentException("An agreement event names its agreement.");
    }
    if (agreementId.length() > AgreementLicense.MAX_AGREEMENT_ID) {
      throw new IllegalArgumentException("The agreement id is too long.");
    }
  }
}
