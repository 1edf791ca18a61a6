package com.billingcenter.marketplace.control;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.CloudAccountStatus;
import com.billingcenter.cloudaccount.entity.FormerLicense;
import com.billingcenter.cloudaccount.entity.LifecycleMessage;
import com.billingcenter.marketplace.entity.MarketplaceEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Which cloud account a license belongs to when renewals and replacements may change it. AWS does
 * not say whether a renewal or replacement keeps the license ARN, nor the order of their events
 * (Seller Guide, "Amazon EventBridge events"; "Work with renewals"), so a cloud account carries on
 * with the new license of its subscription's successor:
 *
 * <ul>
 *   <li>a renewal names the agreement it renews ({@code previousAgreementId}): its agreement
 *       inherits that agreement's license, and when its own "License Updated" names another, the
 *       account of the inherited one takes it;
 *   <li>a replacement names nothing it replaces, and a renewal's license event may come first: a
 *       license event for a license no account holds, from the AWS account and product of exactly
 *       one pending, active or ending cloud account, is that account's successor license (AWS sells
 *       one subscription of a SaaS product per buyer account; with two candidates the event waits
 *       rather than guess).
 * </ul>
 *
 * The account's former licenses stay known ({@link FormerLicense}): their late events find the
 * account and end nothing, and the hours before the change are metered to them.
 */
@Stateless
public class LicenseSuccessions {

  private static final Logger LOG = Logger.getLogger(LicenseSuccessions.class.getName());

  private static final Set<CloudAccountStatus> CARRIED =
      EnumSet.of(CloudAccountStatus.PENDING, CloudAccountStatus.ACTIVE, CloudAccountStatus.ENDING);

  @PersistenceContext EntityManager em;
  @Inject AgreementLinks links;

  /** The account that holds or held the license, its row locked. */
  public Optional<CloudAccount> lockedHolder(String provider, String licenseKey) {
    Optional<CloudAccount> current =
        em.createNamedQuery(CloudAccount.BY_LICENSE, CloudAccount.class)
            .setParameter("provider", provider)
            .setParameter("licenseId", licenseKey)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (current.isPresent()) {
      return current;
    }
    return em.createNamedQuery(FormerLicense.BY_LICENSE, FormerLicense.class)
        .setParameter("provider", provider)
        .setParameter("licenseKey", licenseKey)
        .getResultStream()
        .findFirst()
        .map(f -> em.find(CloudAccount.class, f.cloudAccountId(), LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * The account whose subscription a license event's new license carries on, with the license moved
   * to it from the event's hour on; empty when the license is a new subscription's.
   *
   * @param inherited the license the event's agreement had inherited from the one it renews, if the
   *     event names another
   */
  public Optional<CloudAccount> carryOn(SubscriptionEvent event, String inherited) {
    Optional<CloudAccount> predecessor =
        inherited != null
            ? lockedHolder(event.provider(), inherited)
            : soleAccountOf(event.provider(), event.acceptor(), event.productCode());
    if (predecessor.isEmpty()
        || event.licenseArn() == null
        || !CARRIED.contains(predecessor.get().status())) {
      return Optional.empty();
    }
    CloudAccount account = predecessor.get();
    FormerLicense former =
        account.carryOnWith(
            CloudAccount.licenseOf(event.licenseKey(), event.licenseArn(), null),
            event.occurredAt());
    em.persist(former);
    LOG.info(
        () ->
            "Cloud account "
                + account.id()
                + " carries on with license "
                + event.licenseKey()
                + " (agreement "
                + event.agreementId()
                + "); hours before "
                + former.until()
                + " stay metered to "
                + former.licenseKey());
    return Optional.of(account);
  }

  private Optional<CloudAccount> soleAccountOf(
      String provider, String acceptor, String productCode) {
    if (acceptor == null || productCode == null) {
      return Optional.empty();
    }
    List<CloudAccount> candidates =
        em.createNamedQuery(CloudAccount.BY_BUYER_AND_PRODUCT, CloudAccount.class)
            .setParameter("provider", provider)
            .setParameter("accountId", acceptor)
            .setParameter("productCode", productCode)
            .setParameter("statuses", CARRIED)
            .getResultList();
    if (candidates.size() != 1) {
      if (candidates.size() > 1) {
        LOG.warning(
            () ->
                "A new license of AWS account "
                    + acceptor
                    + " matches "
                    + candidates.size()
                    + " cloud accounts; its events wait for their own buyer's registration.");
      }
      return Optional.empty();
    }
    return Optional.of(
        em.find(CloudAccount.class, candidates.get(0).id(), LockModeType.PESSIMISTIC_WRITE));
  }

  /**
   * The account's history, each message marked when it is about a license the account no longer
   * holds (named by the message, or by the agreement it names).
   */
  public List<LifecycleMessage> history(CloudAccount account, List<MarketplaceEvent> events) {
    Set<String> former =
        new HashSet<>(
            em.createNamedQuery(FormerLicense.KEYS_OF_ACCOUNT, String.class)
                .setParameter("cloudAccountId", account.id())
                .getResultList());
    // An agreement's license, looked up once however many of its messages there are.
    java.util.Map<String, java.util.Optional<String>> licenseOfAgreement =
        new java.util.HashMap<>();
    return events.stream()
        .map(
            e -> {
              LifecycleMessage m = e.asLifecycleMessage();
              if (former.isEmpty()) {
                return m;
              }
              String license =
                  e.licenseKey() != null
                      ? e.licenseKey()
                      : e.agreementId() == null
                          ? null
                          : licenseOfAgreement
                              .computeIfAbsent(
                                  e.agreementId(), id -> links.licenseOf(account.provider(), id))
                              .orElse(null);
              return license != null && former.contains(license)
                  ? new LifecycleMessage(m.change(), m.occurredAt(), m.messageId(), true)
                  : m;
            })
        .toList();
  }

  /** The accounts whose deprovisioning alone has waited its grace out by {@code now}. */
  public List<Long> endsDue(Instant now, int max) {
    return em.createNamedQuery(CloudAccount.END_DUE, Long.class)
        .setParameter("now", now)
        .setMaxResults(max)
        .getResultList();
  }
}
