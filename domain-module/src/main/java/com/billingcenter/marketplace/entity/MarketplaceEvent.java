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
 * redelivery is recognised and changes nothing. A message may come before the buyer has registered
 * (AWS sends "License Updated" before the buyer reaches the fulfillment URL, and agreement events
 * before the license links their agreement): it is then kept <em>waiting</em>, with no cloud
 * account and no outcome, under the license or agreement it names, and applied when that becomes
 * known. It keeps its body as it came, for the operators to read and replay; an operator may
 * discard one that waits, which then waits no more.
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
@NamedQuery(
    name = MarketplaceEvent.WAITING_FOR_LICENSE,
    query =
        "select e from MarketplaceEvent e where e.cloudAccountId is null and e.discardedAt is null"
            + " and e.provider = :provider and e.licenseKey = :licenseKey")
@NamedQuery(
    name = MarketplaceEvent.WAITING_FOR_AGREEMENT,
    query =
        "select e from MarketplaceEvent e where e.cloudAccountId is null and e.discardedAt is null"
            + " and e.provider = :provider and e.agreementId = :agreementId")
@NamedQuery(
    name = MarketplaceEvent.ACCOUNTS_WITH_WAITING,
    query =
        "select distinct c.id from CloudAccount c, MarketplaceEvent e"
            + " where e.cloudAccountId is null and e.discardedAt is null"
            + " and e.provider = c.provider"
            + " and (e.licenseKey = c.licenseId or e.licenseKey = c.licenseAlias"
            + " or exists (select a from AgreementLicense a"
            + " where a.provider = c.provider and a.agreementId = e.agreementId"
            + " and a.licenseKey = c.licenseId))")
public class MarketplaceEvent {

  public static final String BY_MESSAGE = "MarketplaceEvent.byMessage";
  public static final String BY_CLOUD_ACCOUNT = "MarketplaceEvent.byCloudAccount";
  public static final String WAITING_FOR_LICENSE = "MarketplaceEvent.waitingForLicense";
  public static final String WAITING_FOR_AGREEMENT = "MarketplaceEvent.waitingForAgreement";
  public static final String ACCOUNTS_WITH_WAITING = "MarketplaceEvent.accountsWithWaiting";

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

  /** Null while the message waits for its cloud account. */
  @Column(name = "cloud_account_id")
  private Long cloudAccountId;

  @Column(length = 32)
  private String provider;

  /** The license the message names, as the cloud accounts are keyed; null if it names none. */
  @Column(name = "license_key", updatable = false, length = 512)
  private String licenseKey;

  /** The agreement the message names (AWS EventBridge); null if it names none. */
  @Column(name = "agreement_id", updatable = false, length = 64)
  private String agreementId;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  /** What applying it did; null while it waits. */
  @Enumerated(EnumType.STRING)
  @Column(length = 16)
  private CloudAccount.Applied outcome;

  /** The message as it came (null for one kept before bodies were). */
  @Column(name = "raw_body", updatable = false)
  private String rawBody;

  /** When an operator discarded it while it waited, and who (the audit log's actor). */
  @Column(name = "discarded_at")
  private Instant discardedAt;

  @Column(name = "discarded_by", length = 64)
  private String discardedBy;

  protected MarketplaceEvent() {}

  /** A message that names its license, its agreement, or both; it waits until applied. */
  public static MarketplaceEvent received(
      String channel,
      String messageId,
      SubscriptionChange change,
      String provider,
      String licenseKey,
      String agreementId,
      Instant occurredAt,
      Clock clock) {
    MarketplaceEvent event = new MarketplaceEvent();
    event.channel = Objects.requireNonNull(channel, "channel");
    event.messageId = Objects.requireNonNull(messageId, "messageId");
    if (messageId.isBlank() || messageId.length() > MAX_MESSAGE_ID) {
      throw new IllegalArgumentException(
          "A message id has 1 to " + MAX_MESSAGE_ID + " characters.");
    }
    event.change = Objects.requireNonNull(change, "change");
    event.provider = Objects.requireNonNull(provider, "provider");
    if (licenseKey == null && agreementId == null) {
      throw new IllegalArgumentException("A message names a license or an agreement.");
    }
    event.licenseKey = licenseKey;
    event.agreementId = agreementId;
    event.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    event.receivedAt = clock.instant();
    return event;
  }

  /** Keeps the message's body as it came. */
  public MarketplaceEvent withBody(String rawBody) {
    this.rawBody = rawBody;
    return this;
  }

  /**
   * An operator discards the message while it waits: it will not be applied, and is no longer
   * counted as waiting.
   *
   * @throws IllegalStateException when it does not wait
   */
  public void discard(String actor, Clock clock) {
    if (!waiting()) {
      throw new IllegalStateException("Only a waiting message is discarded.");
    }
    discardedAt = clock.instant();
    discardedBy = Objects.requireNonNull(actor, "actor");
  }

  /** The message has been applied to the cloud account, with this outcome. */
  public void appliedTo(long cloudAccountId, CloudAccount.Applied outcome) {
    if (this.cloudAccountId != null && this.cloudAccountId != cloudAccountId) {
      throw new IllegalStateException("This message belongs to another cloud account.");
    }
    this.cloudAccountId = cloudAccountId;
    this.outcome = Objects.requireNonNull(outcome, "outcome");
  }

  /** Whether it still waits for its cloud account (neither applied nor discarded). */
  public boolean waiting() {
    return cloudAccountId == null && discardedAt == null;
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

  public String licenseKey() {
    return licenseKey;
  }

  public String agreementId() {
    return agreementId;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public String rawBody() {
    return rawBody;
  }

  public String provider() {
    return provider;
  }

  public Instant discardedAt() {
    return discardedAt;
  }

  /** What applying the message did to the account; null while it waits. */
  public CloudAccount.Applied outcome() {
    return outcome;
  }
}
