package com.billingcenter.marketplace.boundary;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.control.RecordedEntitlements;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.CloudAccountStatus;
import com.billingcenter.cloudaccount.entity.LifecycleMessage;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.control.CloudMarketplace;
import com.billingcenter.marketplace.control.Entitlement;
import com.billingcenter.marketplace.control.ResolvedBuyer;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.marketplace.control.UnknownSubscription;
import com.billingcenter.marketplace.entity.MarketplaceEvent;
import com.billingcenter.notice.control.Notices;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.SettlementPeriod;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * The one place where a subscription's lifecycle takes effect, whichever channel (SNS, EventBridge)
 * brought the message. A message is kept by its id before it acts, in the same transaction as its
 * effects: a redelivery finds it and changes nothing, and a refused message leaves nothing.
 * Messages about one license are taken one at a time (the cloud account's row is locked), and the
 * account's state is replayed from its whole history in time order, so that late, repeated or
 * shuffled messages end in the state of the same messages delivered once in order. What a message
 * did outside the account stays done: workspaces released by an end are not given back by an older
 * success arriving later.
 */
@Stateless
public class SubscriptionLifecycle {

  /** Why a workspace was locked, as stored on it. */
  public static final String LOCK_REASON = "cloudAccount.ended";

  private static final Logger LOG = Logger.getLogger(SubscriptionLifecycle.class.getName());

  @Inject
  @Named("aws")
  CloudMarketplace aws;

  @Inject Audit audit;
  @Inject Notices notices;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;

  /** What a message did. */
  public enum Outcome {
    /** Seen before under the same id: nothing changed. */
    DUPLICATE,
    /** Older than a message already applied: kept in the history; it undid nothing. */
    OUTDATED,
    /** Applied; the cloud account's status stayed as it was. */
    UNCHANGED,
    /** Applied; the cloud account's status changed. */
    CHANGED
  }

  /** The outcome, the cloud account, and how many workspaces were locked. */
  public record Receipt(Outcome outcome, long cloudAccountId, int lockedWorkspaces) {}

  /**
   * Applies one message.
   *
   * @throws UnknownSubscription when no cloud account has its license (nothing is recorded)
   * @throws com.billingcenter.marketplace.control.MarketplaceException when the entitlements of a
   *     changed contract cannot be fetched (nothing is recorded; a redelivery tries again)
   */
  public Receipt receive(SubscriptionEvent event) {
    CloudAccount account =
        em.createNamedQuery(CloudAccount.BY_LICENSE, CloudAccount.class)
            .setParameter("provider", event.provider())
            .setParameter(
                "licenseId",
                CloudAccount.licenseKey(event.licenseArn(), event.customerIdentifier()))
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () ->
                    new UnknownSubscription(
                        "No cloud account has this "
                            + (event.licenseArn() != null ? "license." : "customer identifier.")));
    var seen =
        em.createNamedQuery(MarketplaceEvent.BY_MESSAGE, MarketplaceEvent.class)
            .setParameter("channel", event.channel())
            .setParameter("messageId", event.messageId())
            .getResultStream()
            .findFirst();
    if (seen.isPresent()) {
      return new Receipt(Outcome.DUPLICATE, seen.get().cloudAccountId(), 0);
    }
    String before = MarketplaceRegistrations.describe(account);
    CloudAccountStatus statusBefore = account.status();
    // The account's history: the messages kept so far, and this one.
    List<LifecycleMessage> history =
        new ArrayList<>(
            em.createNamedQuery(MarketplaceEvent.BY_CLOUD_ACCOUNT, MarketplaceEvent.class)
                .setParameter("cloudAccountId", account.id())
                .getResultStream()
                .map(MarketplaceEvent::asLifecycleMessage)
                .toList());
    LifecycleMessage newest =
        new LifecycleMessage(
            event.change(),
            event.occurredAt(),
            MarketplaceEvent.key(event.channel(), event.messageId()));
    history.add(newest);
    CloudAccount.Applied applied = account.replay(history, newest);
    em.persist(
        MarketplaceEvent.received(
            event.channel(),
            event.messageId(),
            event.change(),
            account.id(),
            event.occurredAt(),
            applied,
            clock));
    LOG.info(
        () ->
            "Marketplace "
                + event.channel()
                + " message "
                + event.messageId()
                + ": "
                + event.change()
                + " for cloud account "
                + account.id()
                + " → "
                + applied);
    if (account.status() != statusBefore) {
      audit.record(
          account.ownerId(),
          AuditEntry.SYSTEM,
          "cloudAccount." + action(event.change()),
          MarketplaceRegistrations.SUBJECT,
          account.id(),
          before,
          MarketplaceRegistrations.describe(account));
    }
    int locked = 0;
    if (account.status() == CloudAccountStatus.ENDED && statusBefore != CloudAccountStatus.ENDED) {
      locked = releaseWorkspaces(account);
    }
    if (event.change() == SubscriptionChange.ENTITLEMENTS_CHANGED
        && applied != CloudAccount.Applied.OUTDATED) {
      refreshEntitlements(account);
    }
    return new Receipt(Outcome.valueOf(applied.name()), account.id(), locked);
  }

  private static String action(SubscriptionChange change) {
    return switch (change) {
      case SUBSCRIBED -> "subscribed";
      case SUBSCRIBE_FAILED -> "subscribeFailed";
      case ENDING -> "ending";
      case ENDED -> "ended";
      case ENTITLEMENTS_CHANGED -> "entitlementsChanged";
    };
  }

  /**
   * Every workspace the ended cloud account settled loses it and is locked with its countdown; the
   * customer gets a notice in each workspace's language.
   */
  private int releaseWorkspaces(CloudAccount account) {
    List<Workspace> settled =
        em.createNamedQuery(Workspace.SETTLED_BY_CLOUD, Workspace.class)
            .setParameter("cloudAccountId", account.id())
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    int locked = 0;
    for (Workspace workspace : settled) {
      String before = Workspaces.describe(workspace);
      if (workspace.loseSettlement(LOCK_REASON, clock)) {
        locked++;
        em.persist(SettlementPeriod.of(workspace, clock.instant()));
        audit.record(
            workspace.ownerId(),
            AuditEntry.SYSTEM,
            "workspace.locked",
            "workspace",
            workspace.id(),
            before,
            Workspaces.describe(workspace));
        notices.workspaceLocked(workspace, account);
      }
    }
    return locked;
  }

  private void refreshEntitlements(CloudAccount account) {
    List<Entitlement> entitlements =
        aws.entitlements(
            new ResolvedBuyer(
                account.provider(),
                account.providerAccountId(),
                account.licenseArn(),
                account.customerIdentifier(),
                account.productCode()));
    String recorded = RecordedEntitlements.write(entitlements);
    int kept = RecordedEntitlements.read(recorded).size();
    if (kept < entitlements.size()) {
      LOG.warning(
          () ->
              "Cloud account "
                  + account.id()
                  + " has "
                  + entitlements.size()
                  + " entitlements; the first "
                  + kept
                  + " are kept.");
    }
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
