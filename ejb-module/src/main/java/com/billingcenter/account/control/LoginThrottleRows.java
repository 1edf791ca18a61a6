package com.billingcenter.account.control;

import com.billingcenter.account.entity.LoginThrottle;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;

/**
 * Creates a throttle row in a transaction of its own, so that two instances creating the same row
 * at once do not fail the attempt: the one that loses finds the other's row.
 */
@Stateless
public class LoginThrottleRows {

  @PersistenceContext EntityManager em;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void createIfMissing(String key, Instant now) {
    try {
      if (em.find(LoginThrottle.class, key) == null) {
        em.persist(new LoginThrottle(key, now));
        em.flush();
      }
    } catch (PersistenceException alreadyThere) {
      // Another transaction created it first; the caller reads that one.
    }
  }
}
