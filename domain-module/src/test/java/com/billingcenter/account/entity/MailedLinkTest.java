package com.billingcenter.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MailedLinkTest {

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  private static MailedLink.Issued resetLink() {
    return MailedLink.issue(
        MailedLink.Purpose.PASSWORD_RESET,
        7,
        null,
        Duration.ofHours(1),
        at("2026-12-06T10:00:00Z"));
  }

  @Test
  void aResetLinkOpensItsPageForAnHourOnly() {
    MailedLink link = resetLink().link();
    assertTrue(link.opensAt(Instant.parse("2026-12-06T10:59:59Z")));
    assertFalse(link.opensAt(Instant.parse("2026-12-06T11:00:00Z")));
    var refused =
        assertThrows(AccountRuleViolation.class, () -> link.useUp(at("2026-12-06T11:00:00Z")));
    assertEquals("link.expired", refused.code());
  }

  @Test
  void aResetLinkWorksOnce() {
    MailedLink link = resetLink().link();
    link.useUp(at("2026-12-06T10:30:00Z"));
    assertFalse(link.opensAt(Instant.parse("2026-12-06T10:31:00Z")));
    var refused =
        assertThrows(AccountRuleViolation.class, () -> link.useUp(at("2026-12-06T10:31:00Z")));
    assertEquals("link.used", refused.code());
  }

  @Test
  void onlyTheTokensHashIsKeptAndEachTokenIsNew() {
    var first = resetLink();
    var second = resetLink();
    assertNotEquals(first.token(), second.token());
    assertEquals(43, first.token().length(), "256 random bits, base64url");
    assertEquals(MailedLink.hashOf(first.token()).orElseThrow().length(), 64);
    assertNotEquals(first.token(), MailedLink.hashOf(first.token()).orElseThrow());
  }

  @Test
  void aValueThatCannotBeATokenIsNotEvenLookedUp() {
    for (String hostile :
        new String[] {null, "", "' OR 1=1--", "x".repeat(65), "abc/def", "ééé", "a b"}) {
      assertTrue(MailedLink.hashOf(hostile).isEmpty(), String.valueOf(hostile));
    }
    assertTrue(MailedLink.hashOf(resetLink().token()).isPresent());
  }
}
