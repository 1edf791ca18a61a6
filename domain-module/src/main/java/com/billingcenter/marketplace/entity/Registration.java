package com.billingcenter.marketplace.entity;

import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.SingleUse;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Duration;
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

  @Embedded private SingleUse use;

  @Column(name = "used_by")
  private Long usedBy;

  @Version private long version;

  protected Registration() {}

  public static Registration open(long cloudAccountId, Duration lifetime, Clock clock) {
    Registration registration = new Registration();
    registration.reference = SingleUse.randomToken();
    registration.cloudAccountId = cloudAccountId;
    registration.use = SingleUse.from(clock.instant(), lifetime);
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
    use.useAt(clock.instant());
    usedBy = accountId;
  }

  /** Refuses, with the reason, a reference that cannot be used any more. */
  public void check(Clock clock) {
    use.refusalAt(clock.instant())
        .ifPresent(
            refusal -> {
              throw refusal == SingleUse.Refusal.USED
                  ? new RuleViolation(
                      "registration.used",
                      "This registration link has already been used. Subscribe again in AWS"
                          + " Marketplace or choose your registered AWS account in Change"
                          + " Settlement Method.")
                  : new RuleViolation(
                      "registration.expired",
                      "This registration link has expired. Open the product in AWS Marketplace"
                          + " again and click Set up your account.");
            });
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

  /** When it was made, until when it may be used and when it was used. */
  public SingleUse use() {
    return use;
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
