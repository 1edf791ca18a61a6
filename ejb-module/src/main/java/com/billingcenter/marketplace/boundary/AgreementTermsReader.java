package com.billingcenter.marketplace.boundary;

import com.billingcenter.marketplace.control.AgreementTermsDue;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.Marketplaces;
import com.billingcenter.marketplace.entity.AgreementLicense;
import com.billingcenter.marketplace.entity.AgreementTerms;
import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Reads the accepted terms of every agreement whose terms are due (a license event linked it, a
 * renewal created it, an amendment changed it), retried until read (see {@link
 * AgreementLicense#termsFailed}). A non-persistent schedule on every instance; each agreement's row
 * is locked while it is read, so two instances never read one at once, and each is read in a
 * transaction of its own, so one failure leaves the others read.
 */
@Stateless
public class AgreementTermsReader {

  private static final Logger LOG = Logger.getLogger(AgreementTermsReader.class.getName());

  /**
   * Agreements one run reads; AWS allows 5 DescribeAgreement and 10 GetAgreementTerms calls a
   * second, and the next run takes the rest.
   */
  static final int BATCH = 20;

  @PersistenceContext EntityManager em;
  @Inject Marketplaces marketplaces;
  @Inject Clock clock;
  @Resource SessionContext context;

  /** Reads an agreement's terms in the background once the change that made them due committed. */
  @jakarta.enterprise.context.ApplicationScoped
  public static class AfterCommit {
    @Inject AgreementTermsReader reader;

    void due(
        @jakarta.enterprise.event.Observes(
                during = jakarta.enterprise.event.TransactionPhase.AFTER_SUCCESS)
            AgreementTermsDue due) {
      reader.readSoon(due.provider(), due.agreementId());
    }
  }

  /** Reads the agreement's terms in the background (the schedule retries what fails). */
  @jakarta.ejb.Asynchronous
  public void readSoon(String provider, String agreementId) {
    em.createNamedQuery(AgreementLicense.BY_AGREEMENT, AgreementLicense.class)
        .setParameter("provider", provider)
        .setParameter("agreementId", agreementId)
        .getResultStream()
        .findFirst()
        .ifPresent(a -> context.getBusinessObject(AgreementTermsReader.class).read(a.id()));
  }

  @Schedule(hour = "*", minute = "*", persistent = false)
  void everyMinute() {
    int read = readDue();
    if (read > 0) {
      LOG.info(() -> "The terms of " + read + " agreement(s) were read.");
    }
  }

  /** Reads the terms now due; returns how many were read. */
  public int readDue() {
    List<Long> due =
        em.createNamedQuery(AgreementLicense.TERMS_DUE, Long.class)
            .setParameter("now", clock.instant())
            .setMaxResults(BATCH)
            .getResultList();
    int read = 0;
    for (long id : due) {
      read += context.getBusinessObject(AgreementTermsReader.class).read(id) ? 1 : 0;
    }
    return read;
  }

  /** What a read needs to know of an agreement, read without holding its row. */
  public record Due(String provider, String agreementId, int generation) {}

  /**
   * Reads one agreement's terms if still due; answers whether it read them. The marketplace is
   * asked with no transaction and no row held (a slow answer must not hold up the lifecycle's
   * messages about the agreement); the answer is kept only if no amendment came meanwhile.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public boolean read(long agreementRowId) {
    AgreementTermsReader self = context.getBusinessObject(AgreementTermsReader.class);
    Due due = self.due(agreementRowId);
    if (due == null) {
      return false;
    }
    try {
      AgreementTerms terms = marketplaces.of(due.provider()).agreementTerms(due.agreementId());
      return self.keep(agreementRowId, due.generation(), terms, null);
    } catch (MarketplaceException e) {
      self.keep(agreementRowId, due.generation(), null, e);
      return false;
    } catch (IllegalStateException noMarketplace) {
      self.keep(
          agreementRowId,
          due.generation(),
          null,
          new MarketplaceException(
              MarketplaceException.Reason.UNAVAILABLE, noMarketplace.getMessage(), noMarketplace));
      return false;
    }
  }

  /** The agreement, if its terms are due now; else null. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Due due(long agreementRowId) {
    AgreementLicense agreement = em.find(AgreementLicense.class, agreementRowId);
    Instant now = clock.instant();
    if (agreement == null
        || agreement.termsState() == AgreementLicense.TermsState.READ
        || (agreement.termsNextAt() != null && agreement.termsNextAt().isAfter(now))) {
      return null;
    }
    return new Due(agreement.provider(), agreement.agreementId(), agreement.termsGeneration());
  }

  /**
   * Keeps the terms read (or the failure), the agreement's row locked, unless an amendment came
   * since they were asked for (its own read follows); answers whether terms were kept.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean keep(
      long agreementRowId, int generation, AgreementTerms terms, MarketplaceException failure) {
    AgreementLicense agreement =
        em.find(AgreementLicense.class, agreementRowId, LockModeType.PESSIMISTIC_WRITE);
    if (agreement == null
        || agreement.termsGeneration() != generation
        || agreement.termsState() == AgreementLicense.TermsState.READ) {
      return false;
    }
    Instant now = clock.instant();
    if (terms != null) {
      agreement.termsRead(terms, now);
      LOG.info(
          () ->
              "Agreement "
                  + agreement.agreementId()
                  + ": "
                  + terms.model()
                  + (terms.currency() == null ? "" : " in " + terms.currency()));
      return true;
    }
    boolean refused = failure.reason() == MarketplaceException.Reason.REFUSED;
    agreement.termsFailed(failure.getMessage(), refused, now);
    LOG.warning(
        () ->
            "The terms of agreement "
                + agreement.agreementId()
                + (refused
                    ? " are refused to us; its usage is priced at the list price: "
                    : " could not be read; tried again at " + agreement.termsNextAt() + ": ")
                + failure.getMessage());
    return false;
  }
}
