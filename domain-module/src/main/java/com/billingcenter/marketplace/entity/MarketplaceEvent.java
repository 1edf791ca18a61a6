package com.billingcenter.marketplace.entity;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.LifecycleMessage;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A lifecycle message from a marketplace, kept by its id (per channel) before it acts, so that a
 * redelivery is recognised and changes nothing.
 */
@Entity
@Table(name = "marketplace_event")
@NamedQuery(
    name = MarketplaceEvent.BY_CLOUD_ACCOUNT,
    query = "select e from MarketplaceEvent e where e.cloudAccountId = :cloudAccountId")
@NamedQuery(
    name = MarketplaceEvent.BY_MESSAGE,
    query =
        "select e from MarketplaceEvent e where e.channel = :channel and e.messageId = :messageId")
public class MarketplaceEvent {

  public static final String BY_MESSAGE = "MarketplaceEvent.byMessage";
  public static final String BY_CLOUD_ACCOUNT = "MarketplaceEvent.byCloudAccount";

  public static final int MAX_MESSAGE_ID = 128;

  @Id
  @SequenceGenerator(
      name = "marketplace_event_seq",
      sequenceName = "marketplace_event_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marketplace_event_seq")
  private Long id;

  @Column(nullable = false, updatable = false, length = 16)
  private String channel;

  @Column(name = "message_id", nullable = false, updatable = false, length = MAX_MESSAGE_ID)
  private String messageId;

  @Enumerated(EnumType.STRING)
  @Column(name = "change_kind", nullable = false, updatable = false, length = 32)
  private SubscriptionChange change;

  @Column(name = "cloud_account_id", nullable = false, updatable = false)
  private Long cloudAccountId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CloudAccount.Applied outcome;

  protected MarketplaceEvent() {}

  public static MarketplaceEvent received(
      String channel,
      String messageId,
      SubscriptionChange change,
      long cloudAccountId,
      Instant occurredAt,
      CloudAccount.Applied outcome,
      Clock clock) {
    MarketplaceEvent event = new MarketplaceEvent();
    event.channel = Objects.requireNonNull(channel, "channel");
    event.messageId = Objects.requireNonNull(messageId, "messageId");
    if (messageId.isBlank() || messageId.length() > MAX_MESSAGE_ID) {
      throw new IllegalArgumentException(
          "A message id has 1 to " + MAX_MESSAGE_ID + " characters.");
    }
    event.change = Objects.requireNonNull(change, "change");
    event.cloudAccountId = cloudAccountId;
    event.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    event.outcome = Objects.requireNonNull(outcome, "outcome");
    event.receivedAt = clock.instant();
    return event;
  }

  /** The message as the account's history keeps it. */
  public LifecycleMessage asLifecycleMessage() {
    return new LifecycleMessage(change, occurredAt, key(channel, messageId));
  }

  /** A message's id in an account's history, unique across channels. */
  public static String key(String channel, String messageId) {
    return channel + ":" + messageId;
  }

  public Long id() {
    return id;
  }

  public String channel() {
    return channel;
  }

  public String messageId() {
    return messageId;
  }

  public SubscriptionChange change() {
    return change;
  }

  public Long cloudAccountId() {
    return cloudAccountId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  /** What applying the message did to the account. */
  public CloudAccount.Applied outcome() {
    return outcome;
  }
}
