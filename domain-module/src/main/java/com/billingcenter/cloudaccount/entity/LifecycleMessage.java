package com.billingcenter.cloudaccount.entity;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A lifecycle message as the account's history keeps it: what happened, when, its id, and whether
 * it named a license the account held before its current one (a renewal or replacement gave it a
 * new license; an end of the former one ends nothing). Ordered by time, then by the order of {@link
 * SubscriptionChange} (an end at the very time of a success comes after it), then by id, so that a
 * history always replays the same way.
 */
public record LifecycleMessage(
    SubscriptionChange change, Instant occurredAt, String messageId, boolean ofFormerLicense)
    implements Comparable<LifecycleMessage> {

  /** A message about the account's current license (or naming none). */
  public LifecycleMessage(SubscriptionChange change, Instant occurredAt, String messageId) {
    this(change, occurredAt, messageId, false);
  }

  private static final Comparator<LifecycleMessage> ORDER =
      Comparator.comparing(LifecycleMessage::occurredAt)
          .thenComparing(LifecycleMessage::change)
          .thenComparing(LifecycleMessage::messageId);

  public LifecycleMessage {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(messageId, "messageId");
  }

  @Override
  public int compareTo(LifecycleMessage other) {
    return ORDER.compare(this, other);
  }
}
