package com.billingcenter.system.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.operations.boundary.CustomerLookup;
import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.operations.control.Totp;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.system.support.AwsBuyers;
import com.billingcenter.system.support.ContainerTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Operators as people, with a fixed clock: the set-up link opens once, a sign-in needs the password
 * and a code of the authenticator app (RFC 6238) not used before, or a recovery code once; a
 * session ends when signed out or after its hours; an auditor reads and cannot act; an operator's
 * action needs a reason and lands in the customer's audit log under the operator's name.
 */
class OperatorsArquillianIT extends ContainerTest {

  private static final String PASSWORD = "Operator-2026-x";

  @Inject Operators operators;
  @Inject CustomerLookup lookup;
  @Inject Accounts accounts;
  @Inject AuditLog auditLog;
  @Inject AwsBuyers buyers;
  @Inject com.billingcenter.operations.boundary.OperationsOverview overview;

  /** A set-up operator of {@code role}; answers its secret and recovery codes. */
  private record Made(String name, String secret, List<String> recoveryCodes) {}

  private Made operator(Operators.Role role) {
    String name = "op-" + UUID.randomUUID().toString().substring(0, 8);
    Operators.Invitation invitation = operators.invite(name, role, "test");
    String secret = operators.setup(invitation.token()).orElseThrow().secret();
    List<String> codes =
        operators.completeSetup(invitation.token(), PASSWORD, Totp.code(secret, clock.instant()));
    assertTrue(operators.setup(invitation.token()).isEmpty(), "the link opens once");
    return new Made(name, secret, codes);
  }

  @Test
  void aSignInNeedsThePasswordAndAFreshCodeOrARecoveryCodeOnce() {
    clock.set(Instant.parse("2026-11-02T09:00:00Z"));
    Made made = operator(Operators.Role.OPERATOR);
    assertEquals(10, made.recoveryCodes().size());

    Instant later = clock.instant().plusSeconds(60);
    clock.set(later);
    String code = Totp.code(made.secret(), later);
    assertTrue(operators.signIn(made.name(), "Wrong-2026-pass", code).isEmpty(), "password");
    assertTrue(operators.signIn(made.name(), PASSWORD, "123456").isEmpty(), "code");
    var signIn = operators.signIn(made.name(), PASSWORD, code).orElseThrow();
    assertEquals(Operators.Role.OPERATOR, signIn.operator().role());
    assertTrue(operators.signIn(made.name(), PASSWORD, code).isEmpty(), "a code works once");

    String recovery = made.recoveryCodes().get(3);
    assertTrue(operators.signIn(made.name(), PASSWORD, recovery).isPresent(), "a recovery code");
    assertTrue(operators.signIn(made.name(), PASSWORD, recovery).isEmpty(), "once");

    assertEquals(made.name(), operators.session(signIn.token()).orElseThrow().username());
    clock.set(later.plus(Operators.SESSION).plusSeconds(1));
    assertTrue(operators.session(signIn.token()).isEmpty(), "a session lasts its hours");
    clock.set(later);
    operators.signOut(signIn.token());
    assertTrue(operators.session(signIn.token()).isEmpty(), "signed out at once");
  }

  @Test
  void anAuditorReadsAndAnOperatorsActionIsAuditedWithItsNameAndReason() throws Exception {
    AwsBuyers.Buyer buyer = buyers.settled("console-", null);
    BillingAccount customer = buyer.owner();

    // Found by what AWS names the customer with, and by the workspace.
    assertEquals(customer.id(), lookup.find(buyer.awsAccountId()).get(0).accountId());
    assertEquals(customer.id(), lookup.find(buyer.agreement()).get(0).accountId());
    assertEquals(customer.id(), lookup.find(buyer.license()).get(0).accountId());
    assertEquals(
        customer.id(),
        lookup.find(Long.toString(buyer.workspace().id())).stream()
            .filter(f -> f.accountId() == customer.id())
            .findFirst()
            .orElseThrow()
            .accountId());
    CustomerLookup.Customer page = lookup.customer(customer.id()).orElseThrow();
    assertEquals(1, page.workspaces().size());
    assertEquals(buyer.awsAccountId(), page.cloudAccounts().get(0).accountId());

    Operators.Operator auditor =
        new Operators.Operator(0, operator(Operators.Role.AUDITOR).name(), Operators.Role.AUDITOR);
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> lookup.allowArbitrarySelection(auditor, customer.id(), true, "asked by sales"));
    assertEquals("operator.readOnly", refused.code());
    Operators.Operator acting =
        new Operators.Operator(
            0, operator(Operators.Role.OPERATOR).name(), Operators.Role.OPERATOR);
    assertEquals(
        "operator.reason",
        assertThrows(
                RuleViolation.class,
                () -> lookup.allowArbitrarySelection(acting, customer.id(), true, "  "))
            .code());
    assertFalse(accounts.require(customer.username()).arbitrarySelection(), "nothing changed");

    lookup.allowArbitrarySelection(acting, customer.id(), true, "asked by the account manager");
    assertTrue(accounts.require(customer.username()).arbitrarySelection());
    AuditEntry entry =
        auditLog.page(customer.id(), 0, 50).stream()
            .filter(e -> e.action().equals("account.arbitrarySelectionChanged"))
            .findFirst()
            .orElseThrow();
    assertEquals("staff:" + acting.username(), entry.actor());
    assertTrue(entry.after().contains("asked by the account manager"), entry.after());
    assertTrue(lookup.customer(customer.id()).orElseThrow().arbitrarySelection());
  }

  @Test
  void aSetUpNeedsTheAppsCode() {
    clock.set(Instant.parse("2026-11-02T10:00:00Z"));
    Operators.Invitation invitation =
        operators.invite(
            "op-" + UUID.randomUUID().toString().substring(0, 8), Operators.Role.OPERATOR, "test");
    String secret = operators.setup(invitation.token()).orElseThrow().secret();
    String stale = Totp.code(secret, clock.instant().minus(Duration.ofMinutes(5)));
    assertEquals(
        "operator.code",
        assertThrows(
                RuleViolation.class,
                () -> operators.completeSetup(invitation.token(), PASSWORD, stale))
            .code());
    assertTrue(operators.setup(invitation.token()).isPresent(), "the link still opens");
    clock.set(clock.instant().plus(Duration.ofDays(1)));
    assertTrue(operators.setup(invitation.token()).isEmpty(), "a day later it does not");
  }

  /**
   * An event for a license nobody holds yet waits, and the console's Lifecycle events page lists
   * it.
   */
  @Test
  void aWaitingLifecycleEventIsListed() throws Exception {
    AwsBuyers.Buyer known = buyers.settled("events-", null);
    String license =
        "arn:aws:license-manager::000000000000:license:l-"
            + UUID.randomUUID().toString().replace("-", "");
    String agreement = "agmt-" + UUID.randomUUID().toString().substring(0, 12);
    AwsBuyers.Buyer stranger =
        new AwsBuyers.Buyer(
            null,
            0,
            // An AWS account no cloud account has (another's would take the event as its
            // successor).
            Long.toString(
                java.util.concurrent.ThreadLocalRandom.current()
                    .nextLong(100_000_000_000L, 999_999_999_999L)),
            known.productCode(),
            license,
            agreement,
            null);
    buyers.deliver(
        AwsBuyers.licenseEvent("License Updated", stranger, agreement, license, clock.instant()));
    assertTrue(
        overview.waitingEvents().stream()
            .anyMatch(e -> license.equals(e.license()) || agreement.equals(e.agreement())),
        overview.waitingEvents().toString());
  }
}
