package com.billingcenter.marketplace.boundary;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.control.AgreementEnding;
import com.billingcenter.marketplace.control.AgreementLinks;
import com.billingcenter.marketplace.control.LicenseSuccessions;
import com.billingcenter.marketplace.entity.AgreementLicense;
import com.billingcenter.notice.control.Notices;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * An agreement's coming end, as AWS warns of it (Seller Guide, "Amazon EventBridge events":
 * Purchase Agreement Ending - Proposer, 180, 120, 90, 60 and 30 days before): the owner of the
 * cloud account it settles gets a notice and a mail saying when, and whether it renews by itself.
 * Each count of days is told once per agreement (the agreement's row is locked): a redelivery, or
 * an older warning arriving late, tells nothing again.
 */
@Stateless
public class AgreementEndings {

  private static final Logger LOG = Logger.getLogger(AgreementEndings.class.getName());

  @Inject AgreementLinks links;
  @Inject LicenseSuccessions successions;
  @Inject Notices notices;
  @Inject Audit audit;

  /** What a warning did. */
  public enum Outcome {
    /** The owner was told. */
    ANNOUNCED,
    /** Told of already (as few days or fewer), or nobody to tell yet: nothing done. */
    UNCHANGED,
    /** The agreement is not linked to a license (no License Updated came): nobody to tell. */
    UNKNOWN
  }

  public Outcome receive(AgreementEnding ending) {
    Optional<AgreementLicense> link = links.lockedLink(ending.provider(), ending.agreementId());
    if (link.isEmpty()) {
      LOG.warning(
          () ->
              "Agreement "
                  + ending.agreementId()
                  + " ends "
                  + ending.endTime()
                  + " but no license event linked it: nobody was told.");
      return Outcome.UNKNOWN;
    }
    Optional<CloudAccount> account =
        successions.lockedHolder(ending.provider(), link.get().licenseKey());
    if (account.isEmpty() || account.get().ownerId() == null) {
      return Outcome.UNCHANGED;
    }
    if (!link.get().warnOfEnd(ending.endTime(), ending.daysBefore())) {
      return Outcome.UNCHANGED;
    }
    CloudAccount settled = account.get();
    notices.agreementEnding(
        settled.ownerId(), settled, ending.endTime(), ending.daysBefore(), ending.autoRenewal());
    audit.record(
        settled.ownerId(),
        AuditEntry.SYSTEM,
        "cloudAccount.agreementEnding",
        MarketplaceRegistrations.SUBJECT,
        settled.id(),
        null,
        "agreement "
            + ending.agreementId()
            + " ends "
            + ending.endTime()
            + " ("
            + ending.daysBefore()
            + " days; "
            + (ending.autoRenewal() ? "renews automatically" : "no automatic renewal")
            + ")");
    return Outcome.ANNOUNCED;
  }
}
