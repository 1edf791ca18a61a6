package com.billingcenter.marketplace.boundary;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.entity.AgreementLicense;
import com.billingcenter.marketplace.entity.AgreementTerms;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * The marketplace agreement behind a cloud account, as its owner sees it: the newest agreement
 * linked to the account's license (a renewal's or replacement's once it is linked), and its
 * accepted terms once read, or why they are not.
 */
@Stateless
public class Agreements {

  @PersistenceContext EntityManager em;

  /** An agreement and what is known of its terms. */
  public record Agreement(
      String agreementId,
      AgreementLicense.TermsState termsState,
      String termsError,
      Optional<AgreementTerms> terms) {}

  /** The agreement of the account, if any event named one. */
  public Optional<Agreement> of(CloudAccount account) {
    return em.createNamedQuery(AgreementLicense.OF_LICENSE, AgreementLicense.class)
        .setParameter("provider", account.provider())
        .setParameter("licenseKey", account.licenseId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(a -> new Agreement(a.agreementId(), a.termsState(), a.termsError(), a.terms()));
  }
}
