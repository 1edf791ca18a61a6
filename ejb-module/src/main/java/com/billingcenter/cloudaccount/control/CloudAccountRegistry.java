package com.billingcenter.cloudaccount.control;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * Finds the cloud account of a marketplace buyer, or records it. Recording runs in a transaction of
 * its own, so that when two registrations of one buyer race, the loser's failed insert (the unique
 * license) does not spoil the caller's transaction; the caller then finds the winner's row.
 */
@Stateless
public class CloudAccountRegistry {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /**
   * The buyer's cloud account, read with the caller's entity manager in the caller's transaction: a
   * static helper rather than a business method, so that the fulfillment URL makes one EJB call per
   * request, not two (each call through the container cost about 5 % of its CPU in a profile).
   */
  public static Optional<CloudAccount> find(EntityManager em, ResolvedBuyer buyer) {
    return em.createNamedQuery(CloudAccount.BY_LICENSE, CloudAccount.class)
        .setParameter("provider", buyer.provider())
        .setParameter("licenseId", buyer.license().key())
        .getResultStream()
        .findFirst();
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long register(ResolvedBuyer buyer) {
    CloudAccount account =
        CloudAccount.buyer(
            buyer.provider(), buyer.accountId(), buyer.license(), buyer.productCode(), clock);
    account.alsoKnownAs(buyer.alias());
    em.persist(account);
    em.flush();
    return account.id();
  }
}
