package com.billingcenter.marketplace.control;

import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import java.time.Instant;
import java.util.Objects;

/**
 * A lifecycle message from a marketplace, as any channel delivers it: its id on that channel (for
 * redeliveries), whose subscription, what happened, and when. A message names the buyer's license
 * (as {@link ResolvedBuyer#licenseKey()} compares it), the marketplace agreement, or both: AWS's
 * agreement events name only the agreement, which a license event links to its license. {@code
 * renews} is the agreement that a renewal's or replacement's new agreement follows, if any. A
 * license event also names the account that accepted the agreement and the product ({@code
 * acceptor}, {@code productCode}; null when unknown): a replacement's new license is matched by
 * them, as AWS documents no link from a replacement to the agreement it replaces; {@code
 * licenseArn} is the license's reference for the marketplace's calls, should it become a cloud
 * account's license.
 */
public record SubscriptionEvent(
    String channel,
    String messageId,
    String provider,
    String licenseKey,
    String agreementId,
    String renews,
    SubscriptionChange change,
    Instant occurredAt,
    String acceptor,
    String productCode,
    String licenseArn) {

  /** A message that does not name its acceptor and product. */
  public SubscriptionEvent(
      String channel,
      String messageId,
      String provider,
      String licenseKey,
      String agreementId,
      String renews,
      SubscriptionChange change,
      Instant occurredAt) {
    this(
        channel,
        messageId,
        provider,
        licenseKey,
        agreementId,
        renews,
        change,
        occurredAt,
        null,
        null,
        null);
  }

  public SubscriptionEvent {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (isBlank(licenseKey) && isBlank(agreementId)) {
      throw new IllegalArgumentException("A message names a license or an agreement.");
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
