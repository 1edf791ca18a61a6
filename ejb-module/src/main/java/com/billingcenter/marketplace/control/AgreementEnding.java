package com.billingcenter.marketplace.control;

import java.time.Instant;
import java.util.Objects;

/**
 * A marketplace's warning that an agreement comes to its end (AWS: {@code Purchase Agreement Ending
 * - Proposer}, sent 180, 120, 90, 60 and 30 days before, with {@code daysBeforeEndTime}; Seller
 * Guide, "Amazon EventBridge events", Events for agreements). Not a change of the subscription: the
 * customer is told, once per agreement and number of days.
 */
public record AgreementEnding(
    String channel,
    String messageId,
    String provider,
    String agreementId,
    Instant endTime,
    int daysBefore,
    boolean autoRenewal,
    Instant occurredAt) {

  public AgreementEnding {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(agreementId, "agreementId");
    Objects.requireNonNull(endTime, "endTime");
    if (daysBefore < 0) {
      throw new IllegalArgumentException("daysBeforeEndTime is not negative.");
    }
  }
}
