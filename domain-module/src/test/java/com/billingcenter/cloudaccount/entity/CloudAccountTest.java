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
}
