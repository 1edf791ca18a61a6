package com.billingcenter.cloudaccount.entity;

/**
 * A buyer's license as a marketplace names it, in words no marketplace owns, so that accounts,
 * metering and entitlements carry one value and only the marketplace's adapter reads it:
 *
 * <ul>
 *   <li>{@code key}: the license as the marketplace compares it, and the cloud account's key (one
 *       marketplace account may hold several licenses);
 *   <li>{@code reference}: the text the marketplace's own API takes for it;
 *   <li>{@code legacy}: whether the reference is the marketplace's older form, which its calls do
 *       not mix with the current one.
 * </ul>
 *
 * For AWS the reference is the license ARN, or for a legacy product the customer identifier (see
 * {@code AwsLicenses}).
 */
public record BuyerLicense(String key, String reference, boolean legacy) {

  public BuyerLicense {
    if (key == null || key.isBlank() || reference == null || reference.isBlank()) {
      throw new IllegalArgumentException("A buyer's license has a key and a reference.");
    }
  }
}
