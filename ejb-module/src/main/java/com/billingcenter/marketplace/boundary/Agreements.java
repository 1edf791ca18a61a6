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
        .map(a -> withUse(account, a));
  }

  /**
   * The agreement with, per dimension, the units its contract included so far and those used beyond
   * a contract paid upfront (not metered), from the account's metering records of it.
   */
  private Agreement withUse(CloudAccount account, AgreementLicense a) {
    Map<String, Long> used = new TreeMap<>();
    Map<String, Long> beyond = new TreeMap<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT dimension, SUM(included_quantity),"
                    + " SUM(CASE WHEN state = 'NOT_METERED' THEN quantity ELSE 0 END)"
                    + " FROM metering_record WHERE cloud_account_id = ? AND agreement_id = ?"
                    + " GROUP BY dimension")
            .setParameter(1, account.id())
            .setParameter(2, a.agreementId())
            .getResultList()) {
      Object[] columns = (Object[]) row;
      putIfAny(used, (String) columns[0], (Number) columns[1]);
      putIfAny(beyond, (String) columns[0], (Number) columns[2]);
    }
    return new Agreement(a.agreementId(), a.termsState(), a.termsError(), a.terms(), used, beyond);
  }

  private static void putIfAny(Map<String, Long> sums, String dimension, Number units) {
    if (units != null && units.longValue() > 0) {
      sums.put(dimension, units.longValue());
    }
  }
}
