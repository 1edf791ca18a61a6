package com.billingcenter.marketplace.control;

import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import java.time.Instant;
import java.util.Objects;

/**
 * A lifecycle message from a marketplace, as any channel delivers it: its id on that channel (for
 * redeliveries), whose subscription (AWS: the license ARN of current products, or the customer
 * identifier of legacy ones), what happened, and when.
 */
public record SubscriptionEvent(
    String channel,
    String messageId,
    String provider,
    String licenseArn,
    String customerIdentifier,
    SubscriptionChange change,
    Instant occurredAt) {

  public SubscriptionEvent {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (isBlank(licenseArn) && isBlank(customerIdentifier)) {
      throw new IllegalArgumentException("A message names a license or a customer identifier.");
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
