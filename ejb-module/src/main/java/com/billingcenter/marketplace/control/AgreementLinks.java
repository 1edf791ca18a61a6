package com.billingcenter.marketplace.control;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.entity.AgreementLicense;
import com.billingcenter.marketplace.entity.MarketplaceEvent;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Which license each marketplace agreement gave, and the lifecycle messages that wait for their
 * cloud account: a message names a license, an agreement, or both, and finds its account through
 * these links (see {@link AgreementLicense}).
 */
@Stateless
public class AgreementLinks {

  private static final Logger LOG = Logger.getLogger(AgreementLinks.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<AgreementTermsDue> termsDue;

  /** The license an agreement gave, if a license event has linked them. */
  public Optional<String> licenseOf(String provider, String agreementId) {
    return linkOf(provider, agreementId).map(AgreementLicense::licenseKey);
  }

  private Optional<AgreementLicense> linkOf(String provider, String agreementId) {
    return em.createNamedQuery(AgreementLicense.BY_AGREEMENT, AgreementLicense.class)
        .setParameter("provider", provider)
        .setParameter("agreementId", agreementId)
        .getResultStream()
        .findFirst();
  }

  /** The agreement was amended: its terms are read again (if it is linked). */
  public void termsChanged(String provider, String agreementId) {
    linkOf(provider, agreementId)
        .ifPresent(
            link -> {
              link.termsChanged();
              termsDue.fire(new AgreementTermsDue(provider, agreementId));
            });
  }

  /** The agreement's link, its row locked; empty when no event linked it to a license yet. */
  public Optional<AgreementLicense> lockedLink(String provider, String agreementId) {
    return em.createNamedQuery(AgreementLicense.BY_AGREEMENT, AgreementLicense.class)
        .setParameter("provider", provider)
        .setParameter("agreementId", agreementId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
  }

  /**
   * Records that the agreement gave this license (its own license event says so); the first such
   * link of an agreement stands. Returns the license the agreement had inherited from the one it
   * renews or replaces, if this event names another: the subscription carries on with a new
   * license.
   */
  public Optional<String> link(String provider, String agreementId, String licenseKey) {
    Optional<AgreementLicense> known = linkOf(provider, agreementId);
    if (known.isEmpty()) {
      em.persist(AgreementLicense.link(provider, agreementId, licenseKey, clock.instant()));
      termsDue.fire(new AgreementTermsDue(provider, agreementId));
    } else if (known.get().inherited()) {
      String inherited = known.get().licenseKey();
      return known.get().confirm(licenseKey) ? Optional.of(inherited) : Optional.empty();
    } else if (!known.get().licenseKey().equals(licenseKey)) {
      LOG.warning(
          () ->
              "Agreement "
                  + agreementId
                  + " is linked to another license already; the first link stands.");
    }
    return Optional.empty();
  }

  /**
   * A renewal's or replacement's agreement carries on the license of the agreement it follows,
   * until its own license event names its license.
   */
  public void inherit(String provider, String agreementId, String followedAgreementId) {
    if (linkOf(provider, agreementId).isEmpty()) {
      licenseOf(provider, followedAgreementId)
          .ifPresent(
              key -> {
                em.persist(AgreementLicense.inherit(provider, agreementId, key, clock.instant()));
                termsDue.fire(new AgreementTermsDue(provider, agreementId));
              });
    }
  }

  /**
   * The messages that wait for the account: by its license (or the older form it is also known by),
   * or by an agreement linked to it.
   */
  public List<MarketplaceEvent> waitingFor(CloudAccount account) {
    Map<Long, MarketplaceEvent> waiting = new LinkedHashMap<>();
    for (String key :
        account.licenseAlias() == null
            ? List.of(account.licenseId())
            : List.of(account.licenseId(), account.licenseAlias())) {
      em.createNamedQuery(MarketplaceEvent.WAITING_FOR_LICENSE, MarketplaceEvent.class)
          .setParameter("provider", account.provider())
          .setParameter("licenseKey", key)
          .getResultList()
          .forEach(e -> waiting.put(e.id(), e));
    }
    for (String agreementId :
        em.createNamedQuery(AgreementLicense.AGREEMENTS_OF_LICENSE, String.class)
            .setParameter("provider", account.provider())
            .setParameter("licenseKey", account.licenseId())
            .getResultList()) {
      em.createNamedQuery(MarketplaceEvent.WAITING_FOR_AGREEMENT, MarketplaceEvent.class)
          .setParameter("provider", account.provider())
          .setParameter("agreementId", agreementId)
          .getResultList()
          .forEach(e -> waiting.put(e.id(), e));
    }
    return List.copyOf(waiting.values());
  }
}
