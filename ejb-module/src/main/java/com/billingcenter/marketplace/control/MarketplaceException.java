package com.billingcenter.marketplace.control;

/**
 * A cloud marketplace refused or could not answer a call. Rolls back the transaction it passes
 * through, so that nothing is half-made.
 */
@jakarta.ejb.ApplicationException(rollback = true, inherited = true)
public class MarketplaceException extends RuntimeException {

  /** Why, in terms a page can explain to the buyer. */
  public enum Reason {
    /** The registration token is unknown, malformed or not ours. */
    INVALID_TOKEN,
    /** The registration token was real but is too old. */
    EXPIRED_TOKEN,
    /** The marketplace cannot be reached or keeps failing; trying later may work. */
    UNAVAILABLE,
    /** The buyer subscribed to a product that is not ours. */
    WRONG_PRODUCT,
    /** The marketplace refused the call for another reason (configuration, permissions). */
    REFUSED
  }

  private final Reason reason;

  public MarketplaceException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
