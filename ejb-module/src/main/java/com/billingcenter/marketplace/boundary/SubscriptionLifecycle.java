package com.billingcenter.marketplace.boundary;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.cloudaccount.entity.CloudAccountStatus;
import com.billingcenter.cloudaccount.entity.LifecycleMessage;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.control.AgreementLinks;
import com.billingcenter.marketplace.control.LicenseSuccessions;
import com.billingcenter.marketplace.control.SubscriptionEvent;
import com.billingcenter.marketplace.entity.MarketplaceEvent;
import com.billingcenter.workspace.control.WorkspaceLocks;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The one place where a subscription's lifecycle takes effect, whichever channel (SNS, EventBridge)
 * brought the message. A message is kept by its id before it acts, in the same transaction as its
 * effects: a redelivery finds it and changes nothing, and a refused message leaves nothing.
 *
 * <p>A message finds its cloud account by the license it names or, for AWS's agreement events,
 * which name only the agreement, by the license a "License Updated" event linked to that agreement.
 * A message whose cloud account is not known yet (it came before the buyer registered, or before
 * its agreement was linked) waits, and is applied when the buyer registers or the link arrives.
 *
 * <p>Messages about one license are taken one at a time (the cloud account's row is locked), and
 * the account's state is replayed from its whole history in time order, so that late, repeated or
 * shuffled messages end in the state of the same messages delivered once in order. What a message
 * did outside the account stays done: workspaces released by an end are not given back by an older
 * success arriving later.
 */
@Stateless
public class SubscriptionLifecycle {

  private static final Logger LOG = Logger.getLogger(SubscriptionLifecycle.class.getName());

  @Inject Audit audit;
  @Inject WorkspaceLocks locks;
  @Inject Clock clock;
  @Inject Event<EntitlementsChanged> entitlementsChanged;
  @Inject AgreementLinks links;
  @Inject LicenseSuccessions successions;
  @PersistenceContext EntityManager em;

  /** What a message did. */
  public enum Outcome {
    /** Seen before under the same id: nothing changed. */
    DUPLICATE,
    /** Its cloud account is not known yet: kept, to be applied when it is. */
    WAITING,
    /** Older than a message already applied: kept in the history; it undid nothing. */
    OUTDATED,
    /** Applied; the cloud account's status stayed as it was. */
    UNCHANGED,
    /** Applied; the cloud account's status changed. */
    CHANGED
  }

  /** The outcome, the cloud account (null while waiting), and how many workspaces were locked. */
  public record Receipt(Outcome outcome, Long cloudAccountId, int lockedWorkspaces) {}

  /** Applies one message, or keeps it waiting for its cloud account. */
  public Receipt receive(SubscriptionEvent event) {
    return receive(event, null);
  }

  /**
   * As {@link #receive(SubscriptionEvent)}, keeping the message's body as it came ({@code rawBody},
   * null when there is none) for the operators to read and replay.
   */
  public Receipt receive(SubscriptionEvent event, String rawBody) {
    var seen =
        em.createNamedQuery(MarketplaceEvent.BY_MESSAGE, MarketplaceEvent.class)
            .setParameter("channel", event.channel())
            .setParameter("messageId", event.messageId())
            .getResultStream()
            .findFirst();
    if (seen.isPresent()) {
      return new Receipt(Outcome.DUPLICATE, seen.get().cloudAccountId(), 0);
    }
    String licenseKey = event.licenseKey();
    if (event.renews() != null) {
      // A renewal's new agreement carries the license of the one it renews on, until its own
      // license event names its license.
      links.inherit(event.provider(), event.agreementId(), event.renews());
    }
    String inherited = null;
    if (licenseKey != null && event.agreementId() != null) {
      inherited = links.link(event.provider(), event.agreementId(), licenseKey).orElse(null);
    }
    if (event.change() == SubscriptionChange.ENTITLEMENTS_CHANGED
        && licenseKey == null
        && event.agreementId() != null) {
      // An amendment (more units, auto-renewal toggled): the agreement's terms are read again.
      links.termsChanged(event.provider(), event.agreementId());
    }
    if (licenseKey == null) {
      licenseKey = links.licenseOf(event.provider(), event.agreementId()).orElse(null);
    }
    MarketplaceEvent received =
        MarketplaceEvent.received(
            event.channel(),
            event.messageId(),
            event.change(),
            event.provider(),
            event.licenseKey(),
            event.agreementId(),
            event.occurredAt(),
            clock);
    em.persist(received.withBody(rawBody));
    Optional<CloudAccount> account =
        licenseKey == null
            ? Optional.empty()
            : successions.lockedHolder(event.provider(), licenseKey);
    if (account.isEmpty() && event.licenseArn() != null) {
      // A license no account holds: a renewal's or replacement's new one carries an account on.
      account = successions.carryOn(event, inherited);
      account.ifPresent(this::auditCarriedOn);
    }
    if (account.isEmpty()) {
      LOG.info(
          () ->
              "Marketplace "
                  + event.channel()
                  + " message "
                  + event.messageId()
                  + ": "
                  + event.change()
                  + " waits for its cloud account");
      return new Receipt(Outcome.WAITING, null, 0);
    }
    // What waits for the account's license, and this message (which may name a former license).
    List<MarketplaceEvent> arriving = new ArrayList<>(links.waitingFor(account.get()));
    if (!arriving.contains(received)) {
      arriving.add(received);
    }
    Applied applied = applyWaiting(account.get(), arriving);
    return new Receipt(
        Outcome.valueOf(applied.outcome().name()), account.get().id(), applied.locked());
  }

  /**
   * Applies the messages that wait for this cloud account, e.g. when its buyer has just registered;
   * returns how many were applied.
   */
  public int applyWaitingFor(long cloudAccountId) {
    CloudAccount locked =
        em.find(CloudAccount.class, cloudAccountId, LockModeType.PESSIMISTIC_WRITE);
    List<MarketplaceEvent> waiting = locked == null ? List.of() : links.waitingFor(locked);
    if (!waiting.isEmpty()) {
      applyWaiting(locked, waiting);
    }
    return waiting.size();
  }

  private void auditCarriedOn(CloudAccount account) {
    audit.record(
        account.ownerId(),
        AuditEntry.SYSTEM,
        "cloudAccount.licenseCarriedOn",
        MarketplaceRegistrations.SUBJECT,
        account.id(),
        null,
        MarketplaceRegistrations.describe(account));
  }

  /** Cloud accounts whose waiting messages one sweep applies; the next sweep takes the rest. */
  static final int SWEEP_BATCH = 100;

  /**
   * Applies the messages that wait for a cloud account that exists after all: a message and its
   * buyer's registration that crossed, each transaction committing before it could see the other's
   * work. A non-persistent schedule on every instance (see WorkspaceLocks); each account's row is
   * locked while its messages are applied, so two instances never apply one twice.
   */
  @Schedule(hour = "*", minute = "*", persistent = false)
  void everyMinute() {
    int applied = sweep();
    if (applied > 0) {
      LOG.info(() -> applied + " waiting marketplace message(s) found their cloud account.");
    }
    int ended = endDue();
    if (ended > 0) {
      LOG.info(() -> ended + " cloud account(s) deprovisioned with no successor have ended.");
    }
  }

  /**
   * Ends the accounts whose deprovisioning alone found no successor within its grace (see {@link
   * CloudAccount#SUCCESSOR_GRACE}), locking their workspaces; returns how many ended.
   */
  public int endDue() {
    int ended = 0;
    for (long id : successions.endsDue(clock.instant(), SWEEP_BATCH)) {
      CloudAccount locked = em.find(CloudAccount.class, id, LockModeType.PESSIMISTIC_WRITE);
      if (locked != null && locked.status() == CloudAccountStatus.ENDING) {
        applyWaiting(locked, List.of());
        ended += locked.status() == CloudAccountStatus.ENDED ? 1 : 0;
      }
    }
    return ended;
  }

  /** See {@link #everyMinute()}; returns how many waiting messages were applied. */
  public int sweep() {
    int applied = 0;
    for (long id :
        em.createNamedQuery(MarketplaceEvent.ACCOUNTS_WITH_WAITING, Long.class)
            .setMaxResults(SWEEP_BATCH)
            .getResultList()) {
      applied += applyWaitingFor(id);
    }
    return applied;
  }

  /** What applying the waiting messages of an account did. */
  private record Applied(CloudAccount.Applied outcome, int locked) {}

  /**
   * Replays the account's history with the messages that waited for it (the newest arrival
   * included); the account is locked.
   */
  private Applied applyWaiting(CloudAccount account, List<MarketplaceEvent> arriving) {
    String before = MarketplaceRegistrations.describe(account);
    CloudAccountStatus statusBefore = account.status();
    List<LifecycleMessage> history =
        new ArrayList<>(
            successions.history(
                account,
                em.createNamedQuery(MarketplaceEvent.BY_CLOUD_ACCOUNT, MarketplaceEvent.class)
                    .setParameter("cloudAccountId", account.id())
                    .getResultList()));
    List<LifecycleMessage> arrived = successions.history(account, arriving);
    history.addAll(arrived);
    // With nothing arriving (an end whose grace ran out), the newest known message stands in.
    LifecycleMessage newest =
        (arrived.isEmpty() ? history : arrived)
            .stream().max(LifecycleMessage::compareTo).orElseThrow();
    CloudAccount.Applied applied = account.replay(history, newest, clock.instant());
    arriving.forEach(e -> e.appliedTo(account.id(), applied));
    LOG.info(
        () ->
            "Marketplace messages "
                + arrived.stream().map(LifecycleMessage::messageId).toList()
                + " for cloud account "
                + account.id()
                + " → "
                + applied);
    if (account.status() != statusBefore) {
      audit.record(
          account.ownerId(),
          AuditEntry.SYSTEM,
          "cloudAccount." + action(newest.change()),
          MarketplaceRegistrations.SUBJECT,
          account.id(),
          before,
          MarketplaceRegistrations.describe(account));
    }
    boolean ended =
        account.status() == CloudAccountStatus.ENDED && statusBefore != CloudAccountStatus.ENDED;
    // A subscription that failed (and no newer success replaced the failure: the replay would end
    // ACTIVE) settles nothing: its workspaces are released and locked as on an unsubscribe.
    boolean failed =
        account.status() == CloudAccountStatus.FAILED
            && statusBefore != CloudAccountStatus.FAILED
            && statusBefore != CloudAccountStatus.ENDED;
    int locked = ended || failed ? locks.lockSettledBy(account, failed) : 0;
    if (applied != CloudAccount.Applied.OUTDATED
        && arrived.stream().anyMatch(m -> m.change() == SubscriptionChange.ENTITLEMENTS_CHANGED)) {
      entitlementsChanged.fire(new EntitlementsChanged(account.id()));
    }
    return new Applied(applied, locked);
  }

  private static String action(SubscriptionChange change) {
    return switch (change) {
      case SUBSCRIBED -> "subscribed";
      case CARRIED_ON -> "carriedOn";
      case SUBSCRIBE_FAILED -> "subscribeFailed";
      case ENDING -> "ending";
      case ENDED -> "ended";
      case DEPROVISIONED -> "deprovisioned";
      case ENTITLEMENTS_CHANGED -> "entitlementsChanged";
    };
  }
}
