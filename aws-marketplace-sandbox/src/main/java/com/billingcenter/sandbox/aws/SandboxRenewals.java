package com.billingcenter.sandbox.aws;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * A buyer's agreement renewed, or replaced by an agreement-based offer, as the control API and the
 * "Your Marketplace Software" page ask: the new agreement carries the offer on, optionally under a
 * new license, and the seller is sent the events in the order asked (AWS documents none).
 */
@ApplicationScoped
public class SandboxRenewals {

  /** What a renewal made, and what the seller answered. */
  public record Renewal(
      SandboxMarketplace.Buyer before,
      SandboxMarketplace.Buyer after,
      List<SellerEvents.Delivery> sent) {}

  @Inject SandboxMarketplace marketplace;
  @Inject SandboxAgreements agreements;
  @Inject SellerEvents events;

  /**
   * Renews (or {@code replace}s) the buyer's agreement; its events in {@code order} (names of
   * {@link SellerEvents#RENEWAL_EVENTS}; null or empty: that list's order) unless not {@code
   * sendEvents}.
   *
   * @throws IllegalArgumentException for an order naming another event, or a buyer who cannot renew
   */
  public Renewal renew(
      String awsAccountId, boolean newLicense, boolean replace, String order, boolean sendEvents) {
    List<String> sequence =
        order == null || order.isBlank() ? SellerEvents.RENEWAL_EVENTS : List.of(order.split(","));
    if (!SellerEvents.RENEWAL_EVENTS.containsAll(sequence)) {
      throw new IllegalArgumentException("order lists " + SellerEvents.RENEWAL_EVENTS + " only.");
    }
    SandboxMarketplace.Buyer[] renewed = marketplace.renew(awsAccountId, newLicense);
    agreements.carriedOn(renewed[0].agreementId(), renewed[1].agreementId(), Instant.now());
    List<SellerEvents.Delivery> sent =
        sendEvents
            ? events.renewed(renewed[0], renewed[1], replace, sequence, Instant.now())
            : List.of();
    return new Renewal(renewed[0], renewed[1], sent);
  }
}
