package com.billingcenter.cloudaccount.entity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A cloud account's lifecycle replayed from every message received for it, in the order they
 * happened, whatever the order they arrived in (see {@link CloudAccount#replay}): the state machine
 * of a subscription, apart from the entity whose fields it sets.
 */
final class LifecycleReplay {

  private final boolean bound;
  CloudAccountStatus status;
  Instant finalMeteringUntil;
  Instant endedAt;
  Instant lastEventAt;
  Instant endExpectedAt;

  /** A deprovisioning that has not ended the account yet. */
  private Instant deprovisionedAt;

  private LifecycleReplay(boolean bound) {
    this.bound = bound;
    this.status = bound ? CloudAccountStatus.ACTIVE : CloudAccountStatus.PENDING;
  }

  /**
   * The state after {@code history} at {@code now}, of an account bound to a customer or not.
   * Messages of the same time are taken in the order of {@link SubscriptionChange} (an end at the
   * very time of a success wins), then by message id.
   */
  static LifecycleReplay of(boolean bound, Collection<LifecycleMessage> history, Instant now) {
    LifecycleReplay replay = new LifecycleReplay(bound);
    List<LifecycleMessage> sorted = history.stream().sorted().toList();
    sorted.forEach(replay::follow);
    replay.settleDeprovisioning(sorted, now);
    return replay;
  }

  private CloudAccountStatus unended() {
    return bound ? CloudAccountStatus.ACTIVE : CloudAccountStatus.PENDING;
  }

  /** One message, in its turn. */
  private void follow(LifecycleMessage message) {
    Instant at = message.occurredAt();
    lastEventAt = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
    if (message.ofFormerLicense()) {
      // The end of a license the account no longer holds: its successor settles now.
      return;
    }
    switch (message.change()) {
      case SUBSCRIBED, CARRIED_ON -> {
        if (status == CloudAccountStatus.FAILED
            || status == CloudAccountStatus.ENDING
            || status == CloudAccountStatus.ENDED) {
          status = unended();
          finalMeteringUntil = null;
          endedAt = null;
          deprovisionedAt = null;
        }
      }
      case SUBSCRIBE_FAILED -> {
        if (status != CloudAccountStatus.ENDED) {
          status = CloudAccountStatus.FAILED;
        }
      }
      case ENDING -> {
        if (status != CloudAccountStatus.ENDED) {
          status = CloudAccountStatus.ENDING;
          openFinalWindow(at);
        }
      }
      case ENDED -> {
        end(at);
        deprovisionedAt = null;
      }
      case DEPROVISIONED -> {
        if (status != CloudAccountStatus.ENDED) {
          status = CloudAccountStatus.ENDING;
          if (deprovisionedAt == null) {
            deprovisionedAt = at;
          }
        }
        openFinalWindow(at);
      }
      case ENTITLEMENTS_CHANGED -> {
        // the status stays; the caller fetches the entitlements
      }
    }
  }

  private void openFinalWindow(Instant at) {
    if (finalMeteringUntil == null) {
      finalMeteringUntil = at.plus(CloudAccount.FINAL_METERING_WINDOW);
    }
  }

  /**
   * A deprovisioning that no ended agreement followed: the old license of a renewal, if a successor
   * is near it; else the end, once the grace has passed.
   */
  private void settleDeprovisioning(List<LifecycleMessage> sorted, Instant now) {
    if (deprovisionedAt == null || status != CloudAccountStatus.ENDING) {
      return;
    }
    Instant from = deprovisionedAt.minus(CloudAccount.SUCCESSOR_GRACE);
    Instant to = deprovisionedAt.plus(CloudAccount.SUCCESSOR_GRACE);
    boolean succeeded =
        sorted.stream()
            .anyMatch(
                m ->
                    m.change() == SubscriptionChange.CARRIED_ON
                        && !m.occurredAt().isBefore(from)
                        && !m.occurredAt().isAfter(to));
    if (succeeded) {
      status = unended();
      finalMeteringUntil = null;
    } else if (!now.isBefore(to)) {
      end(deprovisionedAt);
    } else {
      endExpectedAt = to;
    }
  }

  private void end(Instant at) {
    if (status != CloudAccountStatus.ENDED) {
      status = CloudAccountStatus.ENDED;
      endedAt = at;
    }
  }
}
