package com.billingcenter.marketplace.control;

import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;

/** The calls the Billing Center makes to a cloud marketplace. */
public interface CloudMarketplace {

  /** The provider's short name, e.g. {@code aws}. */
  String provider();

  /**
   * Exchanges the one-time registration token the marketplace gave the buyer's browser for the
   * buyer's identity.
   *
   * @throws MarketplaceException when the token is invalid or expired, or the marketplace fails
   */
  ResolvedBuyer resolveRegistration(String registrationToken);

  /**
   * Sends usage of our product: at most {@link #MAX_USAGE_PER_CALL} records, each answered with its
   * own status (in no particular order).
   *
   * @throws MarketplaceException when the whole call is refused or cannot be made; {@link
   *     MarketplaceException.Reason#UNAVAILABLE} may succeed later
   */
  java.util.List<MeteringResult> meter(java.util.List<MeteredUsage> usage);

  /**
   * What the buyer's contract entitles them to now, every page of it: for AWS, the entitlements of
   * the buyer's license (current products) or customer identifier (legacy ones).
   *
   * @throws MarketplaceException when the marketplace refuses or cannot be reached; {@link
   *     MarketplaceException.Reason#UNAVAILABLE} may succeed later
   */
  java.util.List<Entitlement> entitlements(ResolvedBuyer buyer);

  /**
   * The terms the buyer accepted in an agreement (AWS: DescribeAgreement and GetAgreementTerms).
   *
   * @throws MarketplaceException {@link MarketplaceException.Reason#REFUSED} when the marketplace
   *     will not show them to us (e.g. we are not the agreement's proposer), {@link
   *     MarketplaceException.Reason#UNAVAILABLE} when it may later
   */
  com.billingcenter.marketplace.entity.AgreementTerms agreementTerms(String agreementId);

  int MAX_USAGE_PER_CALL = 25;
}
