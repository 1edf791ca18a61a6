package com.billingcenter.cloudaccount.entity;

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
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * A marketplace buyer that can pay for workspaces. The business key is (provider, license): one AWS
 * account may hold several licenses, and each is a cloud account of its own. For legacy AWS
 * products without a license the customer identifier serves as the license id. (Over 300 lines:
 * mostly its columns and their accessors; its lifecycle's state machine is {@link
 * LifecycleReplay}.)
 */
@Entity
@Table(name = "cloud_account")
@NamedQuery(
    name = CloudAccount.BY_OWNER,
    query = "select c from CloudAccount c where c.ownerId = :ownerId order by c.id")
@NamedQuery(
    name = CloudAccount.BY_LICENSE,
    query =
        "select c from CloudAccount c where c.provider = :provider"
            + " and (c.licenseId = :licenseId or c.licenseAlias = :licenseId)")
@NamedQuery(
    name = CloudAccount.BY_OWNER_AND_PROVIDER,
    query =
        "select c from CloudAccount c where c.ownerId = :ownerId and c.provider = :provider"
            + " order by c.id")
@NamedQuery(
    name = CloudAccount.BY_BUYER_AND_PRODUCT,
    query =
        "select c from CloudAccount c where c.provider = :provider"
            + " and c.providerAccountId = :accountId and c.productCode = :productCode"
            + " and c.status in :statuses")
@NamedQuery(
    name = CloudAccount.END_DUE,
    query =
        "select c.id from CloudAccount c where c.status ="
            + " com.billingcenter.cloudaccount.entity.CloudAccountStatus.ENDING"
            + " and c.endExpectedAt <= :now order by c.endExpectedAt")
public class CloudAccount {

  public static final String BY_BUYER_AND_PRODUCT = "CloudAccount.byBuyerAndProduct";
  public static final String END_DUE = "CloudAccount.endDue";
  public static final String BY_OWNER = "CloudAccount.byOwner";
  public static final String BY_OWNER_AND_PROVIDER = "CloudAccount.byOwnerAndProvider";
  public static final String BY_LICENSE = "CloudAccount.byLicense";

  @Id
  @SequenceGenerator(
      name = "cloud_account_seq",
      sequenceName = "cloud_account_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cloud_account_seq")
  private Long id;

  @Column(name = "owner_id")
  private Long ownerId;

  @Column(nullable = false, updatable = false, length = 32)
  private String provider;

  @Column(name = "provider_account_id", nullable = false, updatable = false, length = 64)
  private String providerAccountId;

  /** The current license's key; a renewal or replacement may give the account a new one. */
  @Column(name = "license_id", nullable = false, length = 512)
  private String licenseId;

  @Column(name = "product_code", nullable = false, updatable = false, length = 255)
  private String productCode;

  /** The reference of a current license (AWS: its ARN); null for legacy ones. */
  @Column(name = "license_arn", length = 512)
  private String licenseArn;

  /**
   * The key of the same buyer in the marketplace's older form, for a current license the
   * marketplace also named that way (AWS: {@code customer:<identifier>}); null otherwise.
   */
  @Column(name = "license_alias", length = 512)
  private String licenseAlias;

  /**
   * The reference of a legacy license (AWS: the customer identifier); for a current one, its
   * alias's reference, if any.
   */
  @Column(name = "customer_identifier", length = 255)
  private String customerIdentifier;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private CloudAccountStatus status;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  /** When the newest lifecycle message applied happened; an older one is not applied. */
  @Column(name = "last_event_at")
  private Instant lastEventAt;

  /** While ending: until when the final usage may still be metered. */
  @Column(name = "final_metering_until")
  private Instant finalMeteringUntil;

  @Column(name = "ended_at")
  private Instant endedAt;

  /**
   * While ending on a deprovisioning alone: when the subscription ends unless a successor comes
   * (see {@link #SUCCESSOR_GRACE}).
   */
  @Column(name = "end_expected_at")
  private Instant endExpectedAt;

  public static final int MAX_ENTITLEMENTS_JSON = 4000;

  /** The contract's entitlements as the marketplace last reported them (JSON), and when. */
  @Column(name = "entitlements", length = MAX_ENTITLEMENTS_JSON)
  private String entitlements;

  @Column(name = "entitlements_at")
  private Instant entitlementsAt;

  /** Metering begins with the hour this falls in (when the customer bound the account). */
  @Column(name = "metering_from")
  private Instant meteringFrom;

  /** The next hour whose metering records are not written yet; maintained by the metering job. */
  @Column(name = "metered_through", insertable = false, updatable = false)
  private Instant meteredThrough;

  /** The buyer took a free-trial offer (AWS: {@code x-amzn-marketplace-offer-type=free-trial}). */
  @Column(name = "free_trial", nullable = false)
  private boolean freeTrial;

  @Version private long version;

  protected CloudAccount() {}

  /** A buyer the marketplace has just told us about; pending until a customer binds it. */
  public static CloudAccount registered(
      String provider,
      String providerAccountId,
      String licenseId,
      String productCode,
      Clock clock) {
    CloudAccount account = new CloudAccount();
    account.provider = requireText(provider, "provider");
    account.providerAccountId = requireText(providerAccountId, "providerAccountId");
    account.licenseId = requireText(licenseId, "licenseId");
    account.productCode = requireText(productCode, "productCode");
    account.status = CloudAccountStatus.PENDING;
    account.createdAt = clock.instant();
    return account;
  }

  /**
   * A buyer as their marketplace identifies them: by {@code accountId} in the marketplace and the
   * license they hold ({@link BuyerLicense}; its key is the account's key).
   */
  public static CloudAccount buyer(
      String provider, String accountId, BuyerLicense license, String productCode, Clock clock) {
    CloudAccount account = registered(provider, accountId, license.key(), productCode, clock);
    // The columns keep AWS's names (V3): the reference of a current license, or of a legacy one.
    account.licenseArn = license.legacy() ? null : license.reference();
    account.customerIdentifier = license.legacy() ? license.reference() : null;
    return account;
  }

  /**
   * The buyer of this current license is also known in the marketplace's older form (see {@link
   * ResolvedBuyer#alias()}): messages naming that find the account too.
   */
  public void alsoKnownAs(BuyerLicense alias) {
    if (alias == null || !alias.legacy() || legacy() || alias.key().equals(licenseAlias)) {
      return;
    }
    licenseAlias = alias.key();
    customerIdentifier = alias.reference();
  }

  /** The key of the buyer's older form, if the marketplace named it (see {@link #alsoKnownAs}). */
  public String licenseAlias() {
    return licenseAlias;
  }

  /** The customer who set it up owns it from now on; it can settle their workspaces. */
  public void bindTo(long ownerId) {
    bindTo(ownerId, createdAt);
  }

  /**
   * The customer who set it up owns it from {@code at} on; it can settle their workspaces, and its
   * hourly metering begins with that hour.
   */
  public void bindTo(long ownerId, Instant at) {
    if (this.ownerId != null && this.ownerId != ownerId) {
      throw new IllegalStateException("This cloud account already belongs to another account.");
    }
    this.ownerId = ownerId;
    if (status == CloudAccountStatus.PENDING) {
      status = CloudAccountStatus.ACTIVE;
    }
    if (meteringFrom == null) {
      meteringFrom = at;
    }
  }

  /** How long an ending subscription may still be metered (AWS: one hour). */
  public static final java.time.Duration FINAL_METERING_WINDOW = java.time.Duration.ofHours(1);

  /** What a lifecycle message did to the account. */
  public enum Applied {
    /** The status changed. */
    CHANGED,
    /** The status stayed as it was (e.g. subscribed while active). */
    UNCHANGED,
    /**
     * Older than a message already applied, and the status stayed: it takes its place in the
     * history (it may date the final window or the end), but it cannot undo what a newer message
     * did (only a successor explains an earlier deprovisioning, and that is a change).
     */
    OUTDATED
  }

  /**
   * How long a deprovisioning alone waits for a successor before it ends the subscription. AWS
   * documents no order between a renewal's or replacement's events ("Amazon EventBridge events";
   * "Work with renewals"), and a renewal that issues a new license deprovisions the old one: so a
   * "License Deprovisioned" with no ended agreement (CANCELLED, EXPIRED, TERMINATED) near it ends
   * the subscription only when no successor (an agreement ended RENEWED or REPLACED, or created to
   * renew or replace) is seen within this time of it, before or after. It equals the hour AWS still
   * accepts a deprovisioned license's usage, so the account is metered meanwhile as in its final
   * window.
   */
  public static final java.time.Duration SUCCESSOR_GRACE = FINAL_METERING_WINDOW;

  /**
   * Sets the account's lifecycle from every message received for it, in the order they happened,
   * whatever the order they arrived in: so delivering them late, twice or shuffled ends in the same
   * state as delivering them once in order. Messages of the same time are taken in the order of
   * {@link SubscriptionChange} (an end at the very time of a success wins), then by message id. A
   * deprovisioning alone ends the account only once {@link #SUCCESSOR_GRACE} has passed at {@code
   * now} with no successor near it; until then the account is ending.
   *
   * @param history every message for this account, the newest included
   * @param newest the message that just arrived
   * @param now the time of the replay
   */
  public Applied replay(
      java.util.Collection<LifecycleMessage> history, LifecycleMessage newest, Instant now) {
    Instant newestBefore = lastEventAt;
    CloudAccountStatus before = status;
    LifecycleReplay replayed = LifecycleReplay.of(ownerId != null, history, now);
    status = replayed.status;
    finalMeteringUntil = replayed.finalMeteringUntil;
    endedAt = replayed.endedAt;
    lastEventAt = replayed.lastEventAt;
    endExpectedAt = replayed.endExpectedAt;
    if (status != before) {
      // e.g. a successor older than the deprovisioning it explains
      return Applied.CHANGED;
    }
    if (newestBefore != null && newest.occurredAt().isBefore(newestBefore)) {
      return Applied.OUTDATED;
    }
    return Applied.UNCHANGED;
  }

  /**
   * A renewal or replacement gave the buyer a new license: the account holds it from now on, and
   * usage from the hour after {@code at} is metered to it; the hour {@code at} falls in is the old
   * license's final hour (AWS takes a deprovisioned license's usage for an hour). Returns the
   * former license, to be kept with the hour it held until.
   */
  public FormerLicense carryOnWith(BuyerLicense license, Instant at) {
    if (license.key().equals(licenseId)) {
      throw new IllegalArgumentException("The account holds this license already.");
    }
    FormerLicense former =
        FormerLicense.of(
            this,
            at.truncatedTo(java.time.temporal.ChronoUnit.HOURS).plus(FINAL_METERING_WINDOW),
            at);
    licenseId = license.key();
    licenseArn = license.legacy() ? null : license.reference();
    if (license.legacy()) {
      customerIdentifier = license.reference();
    }
    return former;
  }

  /**
   * The marketplace said the buyer came from a free-trial offer. Only ever set: a registration
   * without the mark (e.g. the buyer reloading an older link) does not end the trial here; the
   * marketplace's own events do.
   */
  public void markFreeTrial() {
    this.freeTrial = true;
  }

  public boolean freeTrial() {
    return freeTrial;
  }

  /** Keeps the contract's entitlements as the marketplace reported them at {@code at}. */
  public void recordEntitlements(String json, Instant at) {
    if (json != null && json.length() > MAX_ENTITLEMENTS_JSON) {
      throw new IllegalArgumentException("Entitlements take at most 4,000 characters.");
    }
    this.entitlements = json;
    this.entitlementsAt = at;
  }

  /** Whether a workspace of this owner may choose it as its settlement method now. */
  public boolean canSettleFor(long ownerId) {
    return this.ownerId != null && this.ownerId == ownerId && status == CloudAccountStatus.ACTIVE;
  }

  private static String requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value;
  }

  public Long id() {
    return id;
  }

  public Long ownerId() {
    return ownerId;
  }

  public String provider() {
    return provider;
  }

  public String providerAccountId() {
    return providerAccountId;
  }

  public String licenseId() {
    return licenseId;
  }

  public String productCode() {
    return productCode;
  }

  /** The license the buyer holds, as their marketplace names it. */
  public BuyerLicense license() {
    return licenseOf(licenseId, licenseArn, customerIdentifier);
  }

  /**
   * A license from the columns it is kept in: {@code license_id}, and the reference of a current
   * ({@code license_arn}) or a legacy ({@code customer_identifier}) one.
   */
  public static BuyerLicense licenseOf(String licenseId, String current, String legacy) {
    return current == null && legacy != null
        ? new BuyerLicense(licenseId, legacy, true)
        : new BuyerLicense(licenseId, current, false);
  }

  /**
   * Whether the buyer's license is in the marketplace's legacy form (AWS: a customer identifier).
   */
  public boolean legacy() {
    return licenseArn == null && customerIdentifier != null;
  }

  public CloudAccountStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastEventAt() {
    return lastEventAt;
  }

  public Instant finalMeteringUntil() {
    return finalMeteringUntil;
  }

  public Instant endedAt() {
    return endedAt;
  }

  /** While ending on a deprovisioning alone: when it ends unless a successor comes; else null. */
  public Instant endExpectedAt() {
    return endExpectedAt;
  }

  public String entitlements() {
    return entitlements;
  }

  public Instant meteringFrom() {
    return meteringFrom;
  }

  /** The next hour not metered yet, or null before the first. */
  public Instant meteredThrough() {
    return meteredThrough;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CloudAccount that
        && provider.equals(that.provider)
        && licenseId.equals(that.licenseId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, licenseId);
  }

  @Override
  public String toString() {
    return "CloudAccount[" + provider + " " + providerAccountId + "]";
  }
}
