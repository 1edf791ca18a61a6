package com.billingcenter.marketplace.boundary;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.control.RecordedEntitlements;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.Entitlement;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import com.billingcenter.marketplace.control.MarketplaceException;
import com.billingcenter.marketplace.control.Marketplaces;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

/**
 * Fetches a contract's entitlements from the marketplace after the message that changed them has
 * committed, in the background: EventBridge waits 5 seconds for an answer (API destinations), and a
 * buyer's registration should not wait for GetEntitlements either ("Managing SaaS subscription
 * events with Amazon EventBridge": on License Updated, check the entitlements with
 * GetEntitlements).
 */
@Stateless
public class EntitlementRefresh {

  private static final Logger LOG = Logger.getLogger(EntitlementRefresh.class.getName());

  @Inject Marketplaces marketplaces;

  @Inject Audit audit;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  /** The observer; it hands the work to the background. */
  @jakarta.enterprise.context.ApplicationScoped
  public static class AfterCommit {
    @Inject EntitlementRefresh refresh;

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) EntitlementsChanged changed) {
      refresh.refresh(changed.cloudAccountId());
    }
  }

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void refresh(long cloudAccountId) {
    CloudAccount account = em.find(CloudAccount.class, cloudAccountId);
    if (account == null) {
      return;
    }
    List<Entitlement> entitlements;
    try {
      entitlements =
          marketplaces
              .of(account.provider())
              .entitlements(
                  new ResolvedBuyer(
                      account.provider(),
                      account.providerAccountId(),
                      account.license(),
                      account.productCode()));
    } catch (MarketplaceException e) {
      LOG.warning(
          () ->
              "Entitlements of cloud account "
                  + cloudAccountId
                  + " could not be fetched: "
                  + e.getMessage());
      return;
    }
    String recorded = RecordedEntitlements.write(entitlements);
    int kept = RecordedEntitlements.read(recorded).size();
    if (kept < entitlements.size()) {
      LOG.warning(
          () ->
              "Cloud account "
                  + cloudAccountId
                  + " has "
                  + entitlements.size()
                  + " entitlements; the first "
                  + kept
                  + " are kept.");
    }
    em.refresh(account, LockModeType.PESSIMISTIC_WRITE);
    String before = account.entitlements();
    account.recordEntitlements(recorded, clock.instant());
    audit.record(
        account.ownerId(),
        AuditEntry.SYSTEM,
        "cloudAccount.entitlementsRecorded",
        MarketplaceRegistrations.SUBJECT,
        account.id(),
        before,
        account.entitlements());
  }
}
