package com.billingcenter.cloudaccount.entity;

/**
 * A buyer as their marketplace identifies them: the account in the marketplace of {@code provider}
 * and the license they hold for {@code productCode}. Only the marketplace's adapter reads the
 * license's reference. {@code alias} is the same buyer in the marketplace's older form, when the
 * marketplace gave both (AWS: a listing that predates licenses resolves its buyers with their
 * license ARN and their customer identifier, and its SNS notifications name the latter only); null
 * otherwise.
 */
public record ResolvedBuyer(
    String provider,
    String accountId,
    BuyerLicense license,
    String productCode,
    BuyerLicense alias) {

  /** A buyer known by one license only. */
  public ResolvedBuyer(
      String provider, String accountId, BuyerLicense license, String productCode) {
    this(provider, accountId, license, productCode, null);
  }
}
