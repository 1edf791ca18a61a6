package com.billingcenter.marketplace.entity;

import com.billingcenter.platform.entity.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A buyer's way back from the marketplace: an unguessable reference (256 random bits) to a cloud
 * account, valid for a short while and usable once, by one Billing Center account.
 */
@Entity
@Table(name = "marketplace_registration")
@NamedQuery(
    name = Registration.BY_REFERENCE,
    query = "select r from Registration r where r.reference = :reference")
public class Registration {

  public static final String BY_REFERENCE = "Registration.byReference";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{43}");

  @Id
  @SequenceGenerator(
      name = "marketplace_registration_seq",
      sequenceName = "marketplace_registration_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marketplace_registration_seq")
  private Long id;

  @Column(nullable = false, unique = true, updatable = false, length = 64)
  private String reference;

  @Column(name = "cloud_account_id", nullable = false, updatable = false)
  private Long cloudAccountId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "used_at")
  private Instant usedAt;

  @Column(name = "used_by")
  private Long usedBy;

  @Version private long version;

  protected Registration() {}

  public static Registration open(long cloudAccountId, Duration lifetime, Clock clock) {
    Registration registration = new Registration();
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    registration.reference = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    registration.cloudAccountId = cloudAccountId;
    registration.createdAt = clock.instant();
    registration.expiresAt = registration.createdAt.plus(lifetime);
    return registration;
  }

  /** Whether a string could be a reference at all; anything else is not looked up. */
  public static boolean isWellFormed(String reference) {
    return reference != null && REFERENCE.matcher(reference).matches();
  }

  /**
   * Spends the reference for this account. Refused when it has expired or was already used (by this
   * or another account); nothing changes then.
   */
  public void use(long accountId, Clock clock) {
    check(clock);
    usedAt = clock.instant();
    usedBy = accountId;
  }

  /** Refuses, with the reason, a reference that cannot be used any more. */
  public void check(Clock clock) {
    if (usedAt != null) {
      throw new RuleViolation(
          "registration.used",
          "This registration link has already been used. Subscribe again in AWS Marketplace or"
              + " choose your registered AWS account in Change Settlement Method.");
    }
    if (!clock.instant().isBefore(expiresAt)) {
      throw new RuleViolation(
          "registration.expired",
          "This registration link has expired. Open the product in AWS Marketplace again and"
              + " click Set up your account.");
    }
  }

  public Long id() {
    return id;
  }

  public String reference() {
    return reference;
  }

  public Long cloudAccountId() {
    return cloudAccountId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant usedAt() {
    return usedAt;
  }

  public Long usedBy() {
    return usedBy;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Registration that && Objects.equals(reference, that.reference);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(reference);
  }

  @Override
  public String toString() {
    return "Registration[cloud account " + cloudAccountId + "]";
  }
}
