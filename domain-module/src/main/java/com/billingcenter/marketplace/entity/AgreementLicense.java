package com.billingcenter.marketplace.entity;

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
 * Which license a marketplace agreement gave the buyer. AWS's agreement events name only the
 * agreement; its "License Updated" event names both, and is how a later agreement event finds its
 * cloud account. A renewal's new agreement is linked to the license of the agreement it renews
 * until its own license event says which license it gave (AWS does not say whether it is the same).
 */
@Entity
@Table(name = "marketplace_agreement")
@NamedQuery(
    name = AgreementLicense.BY_AGREEMENT,
    query =
        "select a from AgreementLicense a where a.provider = :provider"
            + " and a.agreementId = :agreementId")
@NamedQuery(
    name = AgreementLicense.AGREEMENTS_OF_LICENSE,
    query =
        "select a.agreementId from AgreementLicense a where a.provider = :provider"
            + " and a.licenseKey = :licenseKey")
public class AgreementLicense {

  public static final String BY_AGREEMENT = "AgreementLicense.byAgreement";
  public static final String AGREEMENTS_OF_LICENSE = "AgreementLicense.agreementsOfLicense";

  /** AWS: agreement ids have 1 to 64 characters (AgreementViewSummary.agreementId). */
  public static final int MAX_AGREEMENT_ID = 64;

  @Id
  @SequenceGenerator(
      name = "marketplace_agreement_seq",
      sequenceName = "marketplace_agreement_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "marketplace_agreement_seq")
  private Long id;

  @Column(nullable = false, updatable = false, length = 32)
  private String provider;

  @Column(name = "agreement_id", nullable = false, updatable = false, length = MAX_AGREEMENT_ID)
  private String agreementId;

  @Column(name = "license_key", nullable = false, length = 512)
  private String licenseKey;

  /**
   * Linked through the agreement it renews or replaces, not by a license event of its own: such a
   * link gives way to the license the agreement's own license event names.
   */
  @Column(nullable = false)
  private boolean inherited;

  /** When the agreement ends, as its last "ending" warning said; null until one came. */
  @Column(name = "end_time")
  private Instant endTime;

  /** The fewest days before its end the customer was told of (each count once); null: never. */
  @Column(name = "ending_notice_days")
  private Integer endingNoticeDays;

  @Column(name = "linked_at", nullable = false, updatable = false)
  private Instant linkedAt;

  protected AgreementLicense() {}

  public static AgreementLicense link(
      String provider, String agreementId, String licenseKey, Instant at) {
    AgreementLicense link = new AgreementLicense();
    link.provider = Objects.requireNonNull(provider, "provider");
    link.agreementId = Objects.requireNonNull(agreementId, "agreementId");
    if (agreementId.isBlank() || agreementId.length() > MAX_AGREEMENT_ID) {
      throw new IllegalArgumentException(
          "An agreement id has 1 to " + MAX_AGREEMENT_ID + " characters.");
    }
    link.licenseKey = Objects.requireNonNull(licenseKey, "licenseKey");
    link.linkedAt = Objects.requireNonNull(at, "at");
    return link;
  }

  /** A renewal's or replacement's agreement carries on the license of the one it follows. */
  public static AgreementLicense inherit(
      String provider, String agreementId, String licenseKey, Instant at) {
    AgreementLicense link = link(provider, agreementId, licenseKey, at);
    link.inherited = true;
    return link;
  }

  /**
   * The agreement's own license event names its license: it replaces an inherited one. Returns
   * whether the link changed.
   */
  public boolean confirm(String licenseKey) {
    if (!inherited) {
      return false;
    }
    inherited = false;
    boolean changed = !this.licenseKey.equals(licenseKey);
    this.licenseKey = Objects.requireNonNull(licenseKey, "licenseKey");
    return changed;
  }

  /**
   * The agreement ends at {@code end}, {@code daysBefore} days from the warning: whether the
   * customer is to be told (not if told of as few days or fewer already).
   */
  public boolean warnOfEnd(Instant end, int daysBefore) {
    if (endingNoticeDays != null && endingNoticeDays <= daysBefore) {
      return false;
    }
    endingNoticeDays = daysBefore;
    endTime = Objects.requireNonNull(end, "end");
    return true;
  }

  public Instant endTime() {
    return endTime;
  }

  public boolean inherited() {
    return inherited;
  }

  public String provider() {
    return provider;
  }

  public String agreementId() {
    return agreementId;
  }

  public String licenseKey() {
    return licenseKey;
  }
}
