package com.billingcenter.marketplace.entity;

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
@NamedQuery(
    name = AgreementLicense.TERMS_DUE,
    query =
        "select a.id from AgreementLicense a where (a.termsState ="
            + " com.billingcenter.marketplace.entity.AgreementLicense.TermsState.DUE"
            + " and (a.termsNextAt is null or a.termsNextAt <= :now)) or (a.termsState ="
            + " com.billingcenter.marketplace.entity.AgreementLicense.TermsState.REFUSED"
            + " and a.termsNextAt <= :now) order by a.id")
@NamedQuery(
    name = AgreementLicense.OF_LICENSE,
    query =
        "select a from AgreementLicense a where a.provider = :provider"
            + " and a.licenseKey = :licenseKey order by a.linkedAt desc, a.id desc")
public class AgreementLicense {

  public static final String TERMS_DUE = "AgreementLicense.termsDue";
  public static final String OF_LICENSE = "AgreementLicense.ofLicense";
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

  /** Whether its accepted terms are still to be read, were read, or were refused to us. */
  public enum TermsState {
    DUE,
    READ,
    REFUSED
  }

  @Enumerated(EnumType.STRING)
  @Column(name = "terms_state", nullable = false, length = 16)
  private TermsState termsState = TermsState.DUE;

  @Column(name = "terms_attempts", nullable = false)
  private int termsAttempts;

  /** Counts the amendments: terms read before one are not kept after it. */
  @Column(name = "terms_generation", nullable = false)
  private int termsGeneration;

  /** When to try reading the terms again (after a failure); null: now. */
  @Column(name = "terms_next_at")
  private Instant termsNextAt;

  @Column(name = "terms_read_at")
  private Instant termsReadAt;

  @Column(name = "terms_error", length = 500)
  private String termsError;

  @Enumerated(EnumType.STRING)
  @Column(name = "pricing_model", length = 32)
  private AgreementTerms.PricingModel pricingModel;

  @Column(length = 3)
  private String currency;

  @Column(name = "usage_rates", length = 4000)
  private String usageRates;

  @Column(length = 4000)
  private String purchased;

  @Column(name = "trial_grants", length = 4000)
  private String trialGrants;

  @Column(name = "trial_duration", length = 32)
  private String trialDuration;

  @Column(name = "starts_at")
  private Instant startsAt;

  @Column(name = "auto_renew")
  private Boolean autoRenew;

  @Column(name = "agreement_status", length = 32)
  private String status;

  @Column(name = "agreement_type", length = 64)
  private String agreementType;

  @Column(name = "acceptor_account_id", length = 32)
  private String acceptorAccountId;

  @Column(name = "offer_id", length = 128)
  private String offerId;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

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

  /** Keeps the terms the marketplace says the buyer accepted, as read at {@code at}. */
  public void termsRead(AgreementTerms terms, Instant at) {
    pricingModel = terms.model();
    currency = terms.currency();
    usageRates = AgreementTerms.write(terms.usageRates());
    purchased = AgreementTerms.write(terms.purchased());
    trialGrants = AgreementTerms.write(terms.trialGrants());
    trialDuration = terms.trialDuration() == null ? null : terms.trialDuration().toString();
    startsAt = terms.startsAt();
    if (terms.endsAt() != null) {
      endTime = terms.endsAt();
    }
    autoRenew = terms.autoRenew();
    if (terms.described() != null) {
      status = terms.described().status();
      agreementType = terms.described().agreementType();
      acceptorAccountId = terms.described().acceptorAccountId();
      offerId = terms.described().offerId();
      acceptedAt = terms.described().acceptedAt();
    }
    termsState = TermsState.READ;
    termsReadAt = at;
    termsError = null;
    termsNextAt = null;
  }

  /** The terms as kept; empty until read. */
  public java.util.Optional<AgreementTerms> terms() {
    if (termsState != TermsState.READ) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new AgreementTerms(
            pricingModel,
            currency,
            AgreementTerms.readPrices(usageRates),
            AgreementTerms.readQuantities(purchased),
            AgreementTerms.readQuantities(trialGrants),
            trialDuration == null ? null : java.time.Period.parse(trialDuration),
            startsAt,
            endTime,
            autoRenew,
            new AgreementTerms.Described(
                status, agreementType, acceptorAccountId, offerId, acceptedAt)));
  }

  /**
   * Reading the terms failed at {@code at}: tried again after a pause that doubles with each
   * attempt (a minute, then two, … at most an hour), or, when the marketplace refuses us ({@code
   * refused}: e.g. a channel partner's agreement, where we are not the proposer), the list price
   * applies and the terms are asked again only once a day (a missing permission may be granted).
   */
  public void termsFailed(String error, boolean refused, Instant at) {
    termsAttempts++;
    termsError = error == null ? null : error.substring(0, Math.min(500, error.length()));
    if (refused) {
      termsState = TermsState.REFUSED;
      termsNextAt = at.plus(java.time.Duration.ofDays(1));
    } else {
      long minutes = Math.min(60, 1L << Math.min(6, termsAttempts - 1));
      termsNextAt = at.plus(java.time.Duration.ofMinutes(minutes));
    }
  }

  /** The agreement was amended: its terms are read again. */
  public void termsChanged() {
    termsGeneration++;
    termsState = TermsState.DUE;
    termsNextAt = null;
    termsAttempts = 0;
  }

  public int termsGeneration() {
    return termsGeneration;
  }

  public TermsState termsState() {
    return termsState;
  }

  public String termsError() {
    return termsError;
  }

  public Instant termsNextAt() {
    return termsNextAt;
  }

  public Instant endTime() {
    return endTime;
  }

  public boolean inherited() {
    return inherited;
  }

  public Long id() {
    return id;
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
