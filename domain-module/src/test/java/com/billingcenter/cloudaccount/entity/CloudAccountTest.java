package com.billingcenter.cloudaccount.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CloudAccountTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-05-01T10:00:00Z"), ZoneOffset.UTC);

  private static CloudAccount registered() {
    return CloudAccount.registered(
        "aws", "123456789012", "arn:aws:license-manager::1:license:l-1", "prod", CLOCK);
  }

  @Test
  void pendingAccountSettlesNothingUntilBound() {
    CloudAccount account = registered();
    assertEquals(CloudAccountStatus.PENDING, account.status());
    assertFalse(account.canSettleFor(7));
    account.bindTo(7);
    assertEquals(CloudAccountStatus.ACTIVE, account.status());
    assertTrue(account.canSettleFor(7));
    assertFalse(account.canSettleFor(8), "only for its owner");
  }

  @Test
  void boundAccountCannotMoveToAnotherCustomer() {
    CloudAccount account = registered();
    account.bindTo(7);
    assertThrows(IllegalStateException.class, () -> account.bindTo(8));
    account.bindTo(7);
    assertEquals(7L, account.ownerId());
  }

  @Test
  void oneLicenseIsOneCloudAccount() {
    assertEquals(registered(), registered());
    assertThrows(
        IllegalArgumentException.class,
        () -> CloudAccount.registered("aws", "123456789012", " ", "prod", CLOCK));
  }

  private static final Instant T1 = Instant.parse("2026-05-01T10:00:00Z");
  private static final Instant T2 = T1.plusSeconds(60);
  private static final Instant T3 = T1.plusSeconds(3600);
  private static final Instant T4 = T1.plusSeconds(7200);

  private record Message(SubscriptionChange change, Instant at, boolean ofFormerLicense) {
    Message(SubscriptionChange change, Instant at) {
      this(change, at, false);
    }

    LifecycleMessage kept() {
      return new LifecycleMessage(change, at, change + "@" + at, ofFormerLicense);
    }
  }

  /** An account with the history of what was delivered to it, kept by message id. */
  private static final class Delivered {
    final CloudAccount account = registered();
    final java.util.Map<String, LifecycleMessage> history = new java.util.HashMap<>();

    /** When the replays happen: by default long after every message here. */
    Instant now = T1.plus(java.time.Duration.ofDays(1));

    Delivered(boolean bound) {
      if (bound) {
        account.bindTo(7);
      }
    }

    CloudAccount.Applied deliver(SubscriptionChange change, Instant at) {
      return deliver(new Message(change, at));
    }

    CloudAccount.Applied deliver(Message delivered) {
      LifecycleMessage message = delivered.kept();
      history.put(message.messageId(), message);
      return account.replay(history.values(), message, now);
    }

    /** Replays the history again at {@code later}, as the schedule does when a grace runs out. */
    void replayAt(Instant later) {
      now = later;
      account.replay(
          history.values(),
          history.values().stream().max(LifecycleMessage::compareTo).orElseThrow(),
          now);
    }

    String state() {
      return account.status()
          + " final window until "
          + account.finalMeteringUntil()
          + ", ended "
          + account.endedAt()
          + ", last "
          + account.lastEventAt();
    }
  }

  /** The four SNS actions as they happened: failed, then succeeded, then pending, then ended. */
  private static final java.util.List<Message> LIFE =
      java.util.List.of(
          new Message(SubscriptionChange.SUBSCRIBE_FAILED, T1),
          new Message(SubscriptionChange.SUBSCRIBED, T2),
          new Message(SubscriptionChange.ENDING, T3),
          new Message(SubscriptionChange.ENDED, T4));

  private static String stateAfter(java.util.List<Message> delivered) {
    Delivered account = new Delivered(true);
    delivered.forEach(m -> account.deliver(m.change(), m.at()));
    return account.state();
  }

  private static void permute(
      java.util.List<Message> rest,
      java.util.List<Message> prefix,
      java.util.List<java.util.List<Message>> into) {
    if (rest.isEmpty()) {
      into.add(prefix);
      return;
    }
    for (Message m : rest) {
      java.util.List<Message> others = new java.util.ArrayList<>(rest);
      others.remove(m);
      java.util.List<Message> longer = new java.util.ArrayList<>(prefix);
      longer.add(m);
      permute(others, longer, into);
    }
  }

  @Test
  void everyOrderOfTheFourActionsEndsAsDeliveringThemInOrder() {
    String inOrder = stateAfter(LIFE);
    assertEquals(
        "ENDED final window until " + T3.plusSeconds(3600) + ", ended " + T4 + ", last " + T4,
        inOrder);
    java.util.List<java.util.List<Message>> orders = new java.util.ArrayList<>();
    permute(LIFE, java.util.List.of(), orders);
    assertEquals(24, orders.size());
    for (java.util.List<Message> order : orders) {
      assertEquals(inOrder, stateAfter(order), order.toString());
      java.util.List<Message> twice = new java.util.ArrayList<>(order);
      twice.addAll(order);
      assertEquals(inOrder, stateAfter(twice), "delivered twice: " + order);
    }
  }

  @Test
  void randomHistoriesDeliveredTwiceAndShuffledEndAsDeliveredOnceInOrder() {
    java.util.Random random = new java.util.Random(42);
    SubscriptionChange[] changes = SubscriptionChange.values();
    for (int run = 0; run < 500; run++) {
      java.util.List<Message> history = new java.util.ArrayList<>();
      Instant at = T1;
      for (int i = 0; i < 10; i++) {
        at = at.plusSeconds(random.nextInt(3) * 600L); // some at the same time
        history.add(new Message(changes[random.nextInt(changes.length)], at));
      }
      java.util.List<Message> shuffled = new java.util.ArrayList<>(history);
      shuffled.addAll(history);
      java.util.Collections.shuffle(shuffled, random);
      assertEquals(stateAfter(history), stateAfter(shuffled), history.toString());
    }
  }

  @Test
  void lateSuccessDoesNotReviveAnEndedSubscriptionButANewerOneDoes() {
    Delivered account = new Delivered(true);
    assertEquals(CloudAccount.Applied.CHANGED, account.deliver(SubscriptionChange.ENDED, T3));
    assertEquals(CloudAccount.Applied.OUTDATED, account.deliver(SubscriptionChange.SUBSCRIBED, T2));
    assertEquals(
        CloudAccount.Applied.UNCHANGED,
        account.deliver(SubscriptionChange.SUBSCRIBED, T3),
        "a success at the very time of the end does not revive it");
    assertEquals(CloudAccountStatus.ENDED, account.account.status());
    assertFalse(account.account.canSettleFor(7));
    assertEquals(CloudAccount.Applied.CHANGED, account.deliver(SubscriptionChange.SUBSCRIBED, T4));
    assertEquals(CloudAccountStatus.ACTIVE, account.account.status(), "subscribed again later");
    assertEquals(null, account.account.endedAt());
  }

  @Test
  void endingOpensTheFinalHourAndFailureKeepsAPendingAccountUnbound() {
    Delivered ending = new Delivered(true);
    assertEquals(CloudAccount.Applied.CHANGED, ending.deliver(SubscriptionChange.ENDING, T1));
    assertEquals(CloudAccountStatus.ENDING, ending.account.status());
    assertEquals(T1.plusSeconds(3600), ending.account.finalMeteringUntil());
    assertFalse(ending.account.canSettleFor(7), "no new workspaces on an ending subscription");

    Delivered failed = new Delivered(false);
    assertEquals(
        CloudAccount.Applied.CHANGED, failed.deliver(SubscriptionChange.SUBSCRIBE_FAILED, T1));
    assertEquals(CloudAccountStatus.FAILED, failed.account.status());
    assertEquals(
        CloudAccount.Applied.UNCHANGED,
        failed.deliver(SubscriptionChange.ENTITLEMENTS_CHANGED, T2),
        "entitlements do not change the status");
    failed.deliver(SubscriptionChange.SUBSCRIBED, T3);
    assertEquals(CloudAccountStatus.PENDING, failed.account.status(), "not bound yet, so pending");
  }

  /**
   * AWS documents "Purchase Agreement Ended" first and "License Deprovisioned" about half a minute
   * later ("Managing SaaS subscription events with Amazon EventBridge"); either may arrive first,
   * and either alone ends the subscription. The final usage window runs one hour from the
   * deprovisioning.
   */
  @Test
  void anEndedAgreementAndADeprovisionedLicenseEndAlikeInEitherOrder() {
    Instant deprovisionedAt = T1.plusSeconds(30);
    Delivered asDocumented = new Delivered(true);
    assertEquals(CloudAccount.Applied.CHANGED, asDocumented.deliver(SubscriptionChange.ENDED, T1));
    assertEquals(CloudAccountStatus.ENDED, asDocumented.account.status());
    assertEquals(
        CloudAccount.Applied.UNCHANGED,
        asDocumented.deliver(SubscriptionChange.DEPROVISIONED, deprovisionedAt));
    Delivered reversed = new Delivered(true);
    assertEquals(
        CloudAccount.Applied.CHANGED,
        reversed.deliver(SubscriptionChange.DEPROVISIONED, deprovisionedAt));
    reversed.deliver(SubscriptionChange.ENDED, T1);
    assertEquals(asDocumented.state(), reversed.state());
    assertEquals(
        "ENDED final window until "
            + deprovisionedAt.plusSeconds(3600)
            + ", ended "
            + T1
            + ", last "
            + deprovisionedAt,
        asDocumented.state());

    Delivered cancelledOnly = new Delivered(true);
    cancelledOnly.now = T1;
    cancelledOnly.deliver(SubscriptionChange.ENDED, T1);
    assertEquals(CloudAccountStatus.ENDED, cancelledOnly.account.status(), "a cancel ends at once");
  }

  /**
   * A deprovisioning alone is ambiguous: AWS documents no order between a renewal's events and does
   * not say the license stays ("Amazon EventBridge events"; "Work with renewals"), and a renewal
   * with a new license deprovisions the old one. It ends the account only when no successor is seen
   * within the grace; meanwhile the account is ending (metered as in its final window).
   */
  @Test
  void aDeprovisioningAloneEndsTheAccountOnlyAfterItsGraceWithNoSuccessor() {
    Instant deprovisionedAt = T1.plusSeconds(30);
    Delivered alone = new Delivered(true);
    alone.now = deprovisionedAt.plusSeconds(600);
    assertEquals(
        CloudAccount.Applied.CHANGED,
        alone.deliver(SubscriptionChange.DEPROVISIONED, deprovisionedAt));
    assertEquals(CloudAccountStatus.ENDING, alone.account.status(), "waits for a successor");
    assertEquals(deprovisionedAt.plus(CloudAccount.SUCCESSOR_GRACE), alone.account.endExpectedAt());
    assertEquals(deprovisionedAt.plusSeconds(3600), alone.account.finalMeteringUntil());
    assertFalse(alone.account.canSettleFor(7), "no new workspaces meanwhile");

    alone.replayAt(deprovisionedAt.plus(CloudAccount.SUCCESSOR_GRACE));
    assertEquals(CloudAccountStatus.ENDED, alone.account.status(), "no successor came");
    assertEquals(deprovisionedAt, alone.account.endedAt());
    assertEquals(null, alone.account.endExpectedAt());
  }

  /**
   * Every order of a renewal with a new license (old agreement ended RENEWED, new one created with
   * intent RENEW, old license deprovisioned), at any time of the replay: never ended.
   */
  @Test
  void aRenewalsEventsInEveryOrderNeverEndTheAccount() {
    Instant renewedAt = T1.plusSeconds(3);
    java.util.List<Message> renewal =
        java.util.List.of(
            new Message(SubscriptionChange.CARRIED_ON, renewedAt),
            new Message(SubscriptionChange.CARRIED_ON, renewedAt.plusSeconds(1)),
            new Message(SubscriptionChange.DEPROVISIONED, renewedAt.plusSeconds(40)));
    java.util.List<java.util.List<Message>> orders = new java.util.ArrayList<>();
    permute(renewal, java.util.List.of(), orders);
    for (java.util.List<Message> order : orders) {
      for (Instant now : new Instant[] {renewedAt.plusSeconds(60), T4.plusSeconds(3600)}) {
        Delivered account = new Delivered(true);
        account.now = now;
        order.forEach(account::deliver);
        assertEquals(CloudAccountStatus.ACTIVE, account.account.status(), order + " at " + now);
        assertEquals(null, account.account.finalMeteringUntil(), order.toString());
      }
    }
    // Only one of them, far from the deprovisioning, is no successor of it.
    Delivered late = new Delivered(true);
    late.deliver(SubscriptionChange.CARRIED_ON, renewedAt);
    late.deliver(SubscriptionChange.DEPROVISIONED, renewedAt.plus(java.time.Duration.ofHours(5)));
    assertEquals(CloudAccountStatus.ENDED, late.account.status());
  }

  /**
   * The end of a license the account no longer holds (it carried on with a new one) ends nothing.
   */
  @Test
  void theEndOfAFormerLicenseEndsNothing() {
    Delivered account = new Delivered(true);
    account.deliver(new Message(SubscriptionChange.DEPROVISIONED, T2, true));
    account.deliver(new Message(SubscriptionChange.ENDED, T3, true));
    assertEquals(CloudAccountStatus.ACTIVE, account.account.status());
    assertEquals(T3, account.account.lastEventAt());
    account.deliver(SubscriptionChange.ENDED, T4);
    assertEquals(CloudAccountStatus.ENDED, account.account.status(), "its current license's end");
  }

  @Test
  void carryingOnWithANewLicenseKeepsTheOldOneThroughTheHourOfTheChange() throws Exception {
    CloudAccount account =
        CloudAccount.buyer(
            "aws",
            "123456789012",
            new BuyerLicense("l-1", "arn:aws:license-manager::123456789012:license:l-1", false),
            "prod",
            CLOCK);
    java.lang.reflect.Field id = CloudAccount.class.getDeclaredField("id");
    id.setAccessible(true);
    id.set(account, 41L);
    BuyerLicense renewed =
        new BuyerLicense("l-2", "arn:aws:license-manager::123456789012:license:l-2", false);

    FormerLicense former = account.carryOnWith(renewed, Instant.parse("2026-05-01T10:20:00Z"));

    assertEquals(renewed, account.license());
    assertEquals("l-2", account.licenseId());
    assertEquals("l-1", former.licenseKey());
    assertEquals("arn:aws:license-manager::123456789012:license:l-1", former.license().reference());
    assertEquals(41L, former.cloudAccountId());
    assertEquals(
        Instant.parse("2026-05-01T11:00:00Z"),
        former.until(),
        "the hour of the change is the old license's final hour");
    assertThrows(IllegalArgumentException.class, () -> account.carryOnWith(renewed, T3));
  }
}
