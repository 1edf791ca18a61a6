package com.billingcenter.cloudaccount.entity;

/**
 * What a marketplace says happened to a buyer's subscription, whichever channel said it (AWS: SNS
 * actions or EventBridge events). The order of the constants matters: messages of the same time are
 * replayed in it (see {@link LifecycleMessage}).
 */
public enum SubscriptionChange {
  /** The subscription succeeded (SNS {@code subscribe-success}, agreement created). */
  SUBSCRIBED,
  /**
   * The subscription goes on in a new agreement: the old one ended as renewed or replaced, or the
   * new one was created to renew or replace it (EventBridge: {@code Purchase Agreement Ended}
   * status RENEWED or REPLACED, {@code Purchase Agreement Created} intent RENEW or REPLACE). It
   * acts as a success, and a deprovisioning near it is the old license's, not the subscription's
   * end.
   */
  CARRIED_ON,
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
   * The license was deprovisioned (EventBridge {@code License Deprovisioned}): the one-hour window
   * for its final usage runs from this message's time. Alone it is ambiguous (a renewal that issues
   * a new license deprovisions the old one), so the subscription ends only if no successor comes
   * within {@link CloudAccount#SUCCESSOR_GRACE}.
   */
  DEPROVISIONED,
  /**
   * The contract's entitlements changed (SNS {@code entitlement-updated}; EventBridge: license
   * updated, agreement amended).
   */
  ENTITLEMENTS_CHANGED
}
