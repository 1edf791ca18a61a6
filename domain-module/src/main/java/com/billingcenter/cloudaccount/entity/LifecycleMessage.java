package com.billingcenter.cloudaccount.entity;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * A lifecycle message as the account's history keeps it: what happened, when, and its id. Ordered
 * by time, then by the order of {@link SubscriptionChange} (an end at the very time of a success
 * comes after it), then by id, so that a history always replays the same way.
 */
public record LifecycleMessage(SubscriptionChange change, Instant occurredAt, String messageId)
    implements Comparable<LifecycleMessage> {

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
