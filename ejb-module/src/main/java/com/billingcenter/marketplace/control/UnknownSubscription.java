package com.billingcenter.marketplace.control;

import jakarta.ejb.ApplicationException;

/**
 * A lifecycle message about a license (or customer) we have no cloud account for. Nothing is
 * recorded; the message is refused.
 */
@ApplicationException(rollback = true)
public class UnknownSubscription extends RuntimeException {

  public UnknownSubscription(String message) {
    super(message);
  }
}
