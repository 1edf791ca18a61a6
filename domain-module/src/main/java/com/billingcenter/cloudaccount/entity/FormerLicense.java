package com.billingcenter.cloudaccount.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A license a cloud account held before a renewal or replacement gave it a new one (AWS does not
 * say whether the license ARN stays: "Amazon EventBridge events", License Updated carries the
 * agreement with its license). The account's usage of every hour before {@code until} is metered to
 * it, and its late events (its deprovisioning, AWS refusing it) find the account but end nothing.
 */
@Entity
@Table(name = "cloud_account_license")
@NamedQuery(
    name = FormerLicense.BY_LICENSE,
    query =
        "select f from FormerLicense f where f.provider = :provider and f.licenseKey = :licenseKey")
@NamedQuery(
    name = FormerLicense.KEYS_OF_ACCOUNT,
    query = "select f.licenseKey from FormerLicense f where f.cloudAccountId = :cloudAccountId")
public class FormerLicense {

  public static final String BY_LICENSE = "FormerLicense.byLicense";
  public static final String KEYS_OF_ACCOUNT = "FormerLicense.keysOfAccount";

  @Id
  @SequenceGenerator(
      name = "cloud_account_license_seq",
      sequenceName = "cloud_account_license_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cloud_account_license_seq")
  private Long id;

  @Column(name = "cloud_account_id", nullable = false, updatable = false)
  private long cloudAccountId;

  @Column(nullable = false, updatable = false, length = 32)
  private String provider;

  @Column(name = "license_key", nullable = false, updatable = false, length = 512)
  private String licenseKey;

  @Column(name = "license_arn", updatable = false, length = 512)
  private String licenseArn;

  @Column(name = "customer_identifier", updatable = false, length = 255)
  private String customerIdentifier;

  /** The first hour metered to the license that followed it. */
  @Column(name = "held_until", nullable = false, updatable = false)
  private Instant until;

  /** When the successor's license was seen. */
  @Column(name = "succeeded_at", nullable = false, updatable = false)
  private Instant succeededAt;

  protected FormerLicense() {}

  static FormerLicense of(CloudAccount account, Instant until, Instant succeededAt) {
    FormerLicense former = new FormerLicense();
    former.cloudAccountId = Objects.requireNonNull(account.id(), "a kept account");
    former.provider = account.provider();
    BuyerLicense license = account.license();
    former.licenseKey = license.key();
    former.licenseArn = license.legacy() ? null : license.reference();
    former.customerIdentifier = license.legacy() ? license.reference() : null;
    former.until = until;
    former.succeededAt = succeededAt;
    return former;
  }

  public long cloudAccountId() {
    return cloudAccountId;
  }

  public String licenseKey() {
    return licenseKey;
  }

  public BuyerLicense license() {
    return CloudAccount.licenseOf(licenseKey, licenseArn, customerIdentifier);
  }

  public Instant until() {
    return until;
  }
}
