package com.billingcenter.account.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.entity.Role.Permission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** What each role may do, and a member's invitation: joined once, before it expires. */
class RoleTest {

  @Test
  void eachRoleMayWhatTheProductSays() {
    for (Permission p : Permission.values()) {
      assertTrue(Role.OWNER.may(p), "owner: " + p);
    }
    assertTrue(Role.ADMIN.may(Permission.WORKSPACES) && Role.ADMIN.may(Permission.MEMBERS));
    assertTrue(Role.ADMIN.may(Permission.CLOUD_ACCOUNTS));
    assertFalse(Role.ADMIN.may(Permission.OWNERS), "admins manage members, not owners");
    assertTrue(Role.FINANCE.may(Permission.BUDGETS) && Role.FINANCE.may(Permission.READ));
    assertFalse(Role.FINANCE.may(Permission.WORKSPACES), "finance changes no settlement");
    assertFalse(Role.FINANCE.may(Permission.MEMBERS));
    for (Permission p : Permission.values()) {
      assertEquals(
          p == Permission.READ || p == Permission.OWN_CREDENTIALS,
          Role.VIEWER.may(p),
          "viewer: " + p);
    }
  }

  @Test
  void aRoleIsReadInAnyCaseAndNothingElseIsOne() {
    assertEquals(Role.FINANCE, Role.parse(" Finance "));
    assertEquals("finance", Role.FINANCE.code());
    for (String text : new String[] {null, "", "root", "owner;drop"}) {
      assertEquals(
          "member.role", assertThrows(AccountRuleViolation.class, () -> Role.parse(text)).code());
    }
  }

  @Test
  void aPersonIsRefusedWhatTheirRoleMayNotDo() {
    Person viewer = new Person(1, "acme", "ann", Role.VIEWER, 7L);
    assertEquals(
        "role.forbidden",
        assertThrows(AccountRuleViolation.class, () -> viewer.require(Permission.BUDGETS)).code());
    viewer.require(Permission.READ);
  }

  @Test
  void anInvitationIsJoinedOnceBeforeItExpires() {
    Clock at = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    var invited =
        Member.invite(1, "Ann@Example.org", Role.FINANCE, "acme", "en", Duration.ofDays(7), at);
    Member member = invited.member();
    assertEquals("ann@example.org", member.loginAccount());
    assertFalse(member.joined());
    assertEquals(43, invited.token().length());
    Clock late = Clock.offset(at, Duration.ofDays(7));
    assertEquals(
        "invitation.expired",
        assertThrows(AccountRuleViolation.class, () -> member.join("ann", "hash", late)).code());
    member.join("ann", "hash", Clock.offset(at, Duration.ofDays(6)));
    assertTrue(member.joined());
    assertEquals(
        "invitation.used",
        assertThrows(AccountRuleViolation.class, () -> member.join("ann2", "hash", at)).code());
    assertEquals("ann", member.username());
  }
}
