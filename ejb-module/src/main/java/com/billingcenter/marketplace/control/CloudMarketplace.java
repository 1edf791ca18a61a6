package com.billingcenter.marketplace.control;

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
}
