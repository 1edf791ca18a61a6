package com.billingcenter.cloudaccount.entity;

/**
 * What a marketplace says happened to a buyer's subscription, whichever channel said it (AWS: SNS
 * actions or EventBridge events). The order of the constants matters: messages of the same time are
 * replayed in it (see {@link LifecycleMessage}).
 */
public enum SubscriptionChange {
  /** The subscription succeeded (SNS {@code subscribe-success}, agreement created). */
  SUBSCRIBED,
  /** The subscription failed (SNS {@code subscribe-fail}). */
  SUBSCRIBE_FAILED,
  /**
   * The subscription is ending: the final metering window opens (SNS {@code unsubscribe-pending},
   * license deprovisioned).
   */
  ENDING,
  /**
   * The subscription ended (SNS {@code unsubscribe-success}; EventBridge: the agreement ended as
   * cancelled, expired or terminated).
   */
  ENDED,
  /**
   * The license was deprovisioned (EventBridge {@code License Deprovisioned}): the subscription has
   * ended, and the one-hour window for its final usage runs from this message's time.
   */
  DEPROVISIONED,
  /**
   * The contract's entitlements changed (SNS {@code entitlement-updated}; EventBridge: license
   * updated, agreement amended).
   */
  ENTITLEMENTS_CHANGED
}
