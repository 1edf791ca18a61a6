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

  private record Message(SubscriptionChange change, Instant at) {}

  /** The four SNS actions as they happened: failed, then succeeded, then pending, then ended. */
  private static final java.util.List<Message> LIFE =
      java.util.List.of(
          new Message(SubscriptionChange.SUBSCRIBE_FAILED, T1),
          new Message(SubscriptionChange.SUBSCRIBED, T2),
          new Message(SubscriptionChange.ENDING, T3),
          new Message(SubscriptionChange.ENDED, T4));

  private static String stateAfter(java.util.List<Message> delivered) {
    CloudAccount account = registered();
    account.bindTo(7);
    for (Message m : delivered) {
      account.apply(m.change(), m.at());
    }
    return account.status()
        + " final window until "
        + account.finalMeteringUntil()
        + ", ended "
        + account.endedAt()
        + ", last "
        + account.lastEventAt();
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
  void lateSuccessDoesNotReviveAnEndedSubscriptionButANewerOneDoes() {
    CloudAccount account = registered();
    account.bindTo(7);
    assertEquals(CloudAccount.Applied.CHANGED, account.apply(SubscriptionChange.ENDED, T3));
    assertEquals(CloudAccount.Applied.OUTDATED, account.apply(SubscriptionChange.SUBSCRIBED, T2));
    assertEquals(
        CloudAccount.Applied.OUTDATED,
        account.apply(SubscriptionChange.SUBSCRIBED, T3),
        "a success at the very time of the end does not revive it");
    assertEquals(CloudAccountStatus.ENDED, account.status());
    assertFalse(account.canSettleFor(7));
    assertEquals(CloudAccount.Applied.CHANGED, account.apply(SubscriptionChange.SUBSCRIBED, T4));
    assertEquals(CloudAccountStatus.ACTIVE, account.status(), "subscribed again later");
    assertEquals(null, account.endedAt());
  }

  @Test
  void endingOpensTheFinalHourAndFailureKeepsAPendingAccountUnbound() {
    CloudAccount ending = registered();
    ending.bindTo(7);
    assertEquals(CloudAccount.Applied.CHANGED, ending.apply(SubscriptionChange.ENDING, T1));
    assertEquals(CloudAccountStatus.ENDING, ending.status());
    assertEquals(T1.plusSeconds(3600), ending.finalMeteringUntil());
    assertFalse(ending.canSettleFor(7), "no new workspaces on an ending subscription");

    CloudAccount failed = registered();
    assertEquals(
        CloudAccount.Applied.CHANGED, failed.apply(SubscriptionChange.SUBSCRIBE_FAILED, T1));
    assertEquals(CloudAccountStatus.FAILED, failed.status());
    assertEquals(
        CloudAccount.Applied.UNCHANGED,
        failed.apply(SubscriptionChange.ENTITLEMENTS_CHANGED, T2),
        "entitlements do not change the status");
    failed.apply(SubscriptionChange.SUBSCRIBED, T3);
    assertEquals(CloudAccountStatus.PENDING, failed.status(), "not bound yet, so pending");
  }
}
