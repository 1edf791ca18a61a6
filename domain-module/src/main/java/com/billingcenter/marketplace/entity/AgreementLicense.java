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
 * cloud account. A renewal's new agreement is linked to the license of the agreement it renews.
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

  @Column(name = "license_key", nullable = false, updatable = false, length = 512)
  private String licenseKey;

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
