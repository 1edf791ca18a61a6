package com.billingcenter.marketplace.boundary;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.control.CloudAccountRegistry;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.ResolvedBuyer;
import com.billingcenter.marketplace.control.Marketplaces;
import com.billingcenter.marketplace.entity.Registration;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Receives a buyer from AWS Marketplace and binds them to a Billing Center account. Everything a
 * call does happens in one transaction: a refused step leaves nothing behind.
 */
@Stateless
public class MarketplaceRegistrations {

  static final String SUBJECT = "cloudAccount";

  @Inject Marketplaces marketplaces;

  @Inject CloudAccountRegistry registry;
  @Inject SubscriptionLifecycle lifecycle;
  @Inject Workspaces workspaces;
  @Inject Accounts accounts;
  @Inject Audit audit;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "billing.marketplace.registration-lifetime", defaultValue = "PT1H")
  Duration lifetime;

  /**
   * The fulfillment step: resolves the token of the marketplace of {@code provider} (for AWS, the
   * partition's: {@code aws} or {@code aws-cn}) to a buyer, records the buyer's cloud account
   * (pending until a customer binds it; the same buyer always gives the same one) and opens a
   * one-time registration reference for the set-up page. {@code freeTrial} for a buyer who came
   * from a free-trial offer (AWS: the form field {@code x-amzn-marketplace-offer-type=free-trial}).
   *
   * @throws com.billingcenter.marketplace.control.MarketplaceException for a token the marketplace
   *     refuses, another product, or a marketplace that cannot be reached
   */
  public Registration receive(String provider, String registrationToken, boolean freeTrial) {
    ResolvedBuyer buyer = marketplaces.of(provider).resolveRegistration(registrationToken);
    CloudAccount account =
        CloudAccountRegistry.find(em, buyer)
            .orElseGet(
                () -> {
                  long id;
                  try {
                    id = registry.register(buyer);
                  } catch (EJBException raced) {
                    // Another registration of this buyer committed first; use its row.
                    id = CloudAccountRegistry.find(em, buyer).orElseThrow(() -> raced).id();
                  }
                  // Messages that came before the buyer (AWS sends License Updated first).
                  lifecycle.applyWaitingFor(id);
                  return em.find(CloudAccount.class, id);
                });
    if (freeTrial && !account.freeTrial()) {
      account.markFreeTrial();
    }
    if (buyer.alias() != null && account.licenseAlias() == null) {
      // Known before under its license only (before V17): its older listing's name from now on.
      account.alsoKnownAs(buyer.alias());
      lifecycle.applyWaitingFor(account.id());
    }
    Registration registration = Registration.open(account.id(), lifetime, clock);
    em.persist(registration);
    audit.record(
        account.ownerId(),
        AuditEntry.SYSTEM,
        "cloudAccount.registrationReceived",
        SUBJECT,
        account.id(),
        null,
        describe(account));
    return registration;
  }

  /** The registration behind a reference, if it is one (used or not). */
  public Optional<Registration> find(String reference) {
    if (!Registration.isWellFormed(reference)) {
      return Optional.empty();
    }
    return em.createNamedQuery(Registration.BY_REFERENCE, Registration.class)
        .setParameter("reference", reference)
        .getResultStream()
        .findFirst();
  }

  /** The cloud account a registration is for. */
  public CloudAccount cloudAccountOf(Registration registration) {
    return em.find(CloudAccount.class, registration.cloudAccountId());
  }

  /**
   * Step 2 of the set-up: the logged-in customer takes over the cloud account with the reference
   * (once); the chosen workspaces settle by it from now on (the site rules and the month limit
   * apply) and, if asked, a new workspace opens on the Commercial Plan settled by it. One refusal
   * refuses all: nothing is bound then and the reference can be used again.
   */
  public CloudAccount bind(
      BillingAccount owner, String reference, List<Long> workspaceIds, NewWorkspace newWorkspace) {
    return bind(owner, reference, workspaceIds, newWorkspace, List.of());
  }

  /**
   * As {@link #bind(BillingAccount, String, List, NewWorkspace)}; the Free workspaces among {@code
   * openCommercial} (those whose "Open the Commercial Plan" led to AWS Marketplace) also move to
   * the Commercial Plan, in the same transaction.
   */
  public CloudAccount bind(
      BillingAccount owner,
      String reference,
      List<Long> workspaceIds,
      NewWorkspace newWorkspace,
      List<Long> openCommercial) {
    if (workspaceIds.isEmpty() && newWorkspace == null) {
      throw new RuleViolation(
          "setup.chooseOrCreate", "Choose at least one workspace or open a new one.");
    }
    CloudAccount account = take(owner, reference);
    for (long workspaceId : workspaceIds) {
      Workspace workspace = workspaces.require(owner, workspaceId);
      if (!account.id().equals(workspace.settlement().cloudAccountId())) {
        workspaces.changeSettlement(owner, workspaceId, account.provider(), account.id());
      }
      if (openCommercial.contains(workspaceId) && workspace.plan() == Plan.FREE) {
        workspaces.openCommercialPlan(owner, workspaceId);
      }
    }
    if (newWorkspace != null) {
      workspaces.create(
          owner,
          newWorkspace.name(),
          newWorkspace.siteCode(),
          newWorkspace.language(),
          Plan.COMMERCIAL,
          account.provider(),
          account.id());
    }
    return account;
  }

  /**
   * Step 1 for a new customer, in one transaction: registers the Billing Center account, takes over
   * the cloud account and opens the Commercial Plan for a workspace settled by it. Any refusal
   * leaves no account, no workspace and the reference unused.
   */
  public BillingAccount registerAndBind(
      String username,
      String loginAccount,
      String password,
      String reference,
      NewWorkspace newWorkspace) {
    BillingAccount account = accounts.register(username, loginAccount, password);
    bind(account, reference, List.of(), newWorkspace);
    return account;
  }

  private CloudAccount take(BillingAccount owner, String reference) {
    Registration registration =
        find(reference)
            .map(r -> em.find(Registration.class, r.id(), LockModeType.PESSIMISTIC_WRITE))
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "registration.notFound",
                        "This registration link is not valid. Open the product in AWS Marketplace"
                            + " again and click Set up your account."));
    registration.use(owner.id(), clock);
    CloudAccount account = em.find(CloudAccount.class, registration.cloudAccountId());
    if (account.ownerId() != null && !account.ownerId().equals(owner.id())) {
      throw new RuleViolation(
          "cloudAccount.otherOwner",
          "This AWS account is already set up with another Billing Center account.");
    }
    boolean newlyBound = account.ownerId() == null;
    String before = describe(account);
    account.bindTo(owner.id(), clock.instant());
    if (newlyBound) {
      audit.record(
          owner.id(),
          owner.username(),
          "cloudAccount.bound",
          SUBJECT,
          account.id(),
          before,
          describe(account));
    }
    return account;
  }

  static String describe(CloudAccount account) {
    var json =
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("provider", account.provider())
            .add("accountId", account.providerAccountId())
            .add("license", account.licenseId())
            .add("status", account.status().name());
    if (account.freeTrial()) {
      json.add("freeTrial", true);
    }
    if (account.ownerId() != null) {
      json.add("owner", account.ownerId());
    }
    return json.build().toString();
  }
}
