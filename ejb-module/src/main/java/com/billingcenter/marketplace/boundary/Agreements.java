package com.billingcenter.marketplace.boundary;

import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.entity.AgreementLicense;
import com.billingcenter.marketplace.entity.AgreementTerms;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The marketplace agreement behind a cloud account, as its owner sees it: the newest agreement
 * linked to the account's license (a renewal's or replacement's once it is linked), its accepted
 * terms once read, or why they are not, and, for a contract, how much of what it bought metering
 * has counted as used so far (and, paid upfront, how much beyond it).
 */
@Stateless
public class Agreements {

  @PersistenceContext EntityManager em;

  /**
   * An agreement and what is known of its terms; {@code usedSoFar}: per dimension, the units its
   * contract included so far; {@code beyond}: units used beyond a contract paid upfront (not
   * metered, charged to nobody).
   */
  public record Agreement(
      String agreementId,
      AgreementLicense.TermsState termsState,
      String termsError,
      Optional<AgreementTerms> terms,
      Map<String, Long> usedSoFar,
      Map<String, Long> beyond) {}

  /** The agreement of the account, if any event named one. */
  public Optional<Agreement> of(CloudAccount account) {
    return em.createNamedQuery(AgreementLicense.OF_LICENSE, AgreementLicense.class)
        .setParameter("provider", account.provider())
        .setParameter("licenseKey", account.licenseId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(
            a ->
                new Agreement(
                    a.agreementId(),
                    a.termsState(),
                    a.termsError(),
                    a.terms(),
                    sums(account, a.agreementId(), "SUM(included_quantity)", "1 = 1"),
                    sums(account, a.agreementId(), "SUM(quantity)", "state = 'NOT_METERED'")));
  }

  /** Per dimension, {@code sum} over the account's metering records of the agreement. */
  private Map<String, Long> sums(
      CloudAccount account, String agreementId, String sum, String when) {
    Map<String, Long> sums = new TreeMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT dimension, "
                    + sum
                    + " FROM metering_record WHERE cloud_account_id = ? AND agreement_id = ? AND "
                    + when
                    + " GROUP BY dimension")
            .setParameter(1, account.id())
            .setParameter(2, agreementId)
            .getResultList()) {
      Object[] columns = (Object[]) row;
      long units = ((Number) columns[1]).longValue();
      if (units > 0) {
        sums.put((String) columns[0], units);
      }
    }
    return sums;
  }
}
