package com.billingcenter.system.operations;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.cloudaccount.entity.SubscriptionChange;
import com.billingcenter.marketplace.boundary.LifecycleEventDesk;
import com.billingcenter.operations.boundary.CustomerLookup;
import com.billingcenter.operations.boundary.OperationsOverview;
import com.billingcenter.operations.boundary.OperatorActions;
import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.operations.control.Totp;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.system.support.AwsBuyers;
import com.billingcenter.system.support.ContainerTest;
import com.billingcenter.system.support.SettledCustomers;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.control.WorkspaceLocks;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
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
  @Inject OperatorActions actions;
  @Inject SettledCustomers customers;
  @Inject WorkspaceLocks countdown;
  @Inject Workspaces workspaces;
  @Inject Accounts accounts;
  @Inject AuditLog auditLog;
  @Inject AwsBuyers buyers;
  @Inject OperationsOverview overview;
  @Inject LifecycleEventDesk desk;

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

  /** A set-up operator of {@code role}, as the console knows them once signed in. */
  private Operators.Operator signedIn(Operators.Role role) {
    return new Operators.Operator(0, operator(role).name(), role);
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
    // The operator's own events are in the audit log, under their name.
    List<String> events =
        overview.staffActions("operator.").stream()
            .filter(e -> e.actor().equals(made.name()))
            .map(OperationsOverview.StaffAction::action)
            .toList();
    assertTrue(
        events.containsAll(List.of("operator.setUp", "operator.signedIn")), events.toString());
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

    Operators.Operator auditor = signedIn(Operators.Role.AUDITOR);
    RuleViolation refused =
        assertThrows(
            RuleViolation.class,
            () -> actions.allowArbitrarySelection(auditor, customer.id(), true, "asked by sales"));
    assertEquals("operator.readOnly", refused.code());
    Operators.Operator acting = signedIn(Operators.Role.OPERATOR);
    assertEquals(
        "operator.reason",
        assertThrows(
                RuleViolation.class,
                () -> actions.allowArbitrarySelection(acting, customer.id(), true, "  "))
            .code());
    assertFalse(accounts.require(customer.username()).arbitrarySelection(), "nothing changed");

    actions.allowArbitrarySelection(acting, customer.id(), true, "asked by the account manager");
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

  /** A License Updated event for a license and AWS account nobody has: it waits. */
  private String strangersEvent(AwsBuyers.Buyer known, String license, String agreement) {
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
    return AwsBuyers.licenseEvent("License Updated", stranger, agreement, license, clock.instant());
  }

  private static String newLicense() {
    return "arn:aws:license-manager::000000000000:license:l-"
        + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * An event for a license nobody holds yet waits, and the console's Lifecycle events page lists it
   * with its body; an operator replays it (it waits again) or discards it (it waits no more), each
   * audited with the operator's name and reason; an auditor cannot.
   */
  @Test
  void aWaitingLifecycleEventIsListedReplayedAndDiscarded() throws Exception {
    AwsBuyers.Buyer known = buyers.settled("events-", null);
    String license = newLicense();
    String agreement = "agmt-" + UUID.randomUUID().toString().substring(0, 12);
    String body = strangersEvent(known, license, agreement);
    buyers.deliver(body);
    OperationsOverview.WaitingEvent waiting = waitingFor(license, agreement).orElseThrow();
    assertEquals(body, waiting.rawBody(), "kept as it came");

    Operators.Operator auditor = signedIn(Operators.Role.AUDITOR);
    Operators.Operator acting = signedIn(Operators.Role.OPERATOR);
    assertEquals(
        "operator.readOnly",
        assertThrows(
                RuleViolation.class,
                () -> actions.discardWaiting(auditor, waiting.id(), "a test event"))
            .code());
    assertEquals("WAITING", actions.replayWaiting(acting, waiting.id(), "read it again").outcome());
    OperationsOverview.WaitingEvent again = waitingFor(license, agreement).orElseThrow();
    assertEquals(body, again.rawBody());

    actions.discardWaiting(acting, again.id(), "a test event nobody will register for");
    assertTrue(waitingFor(license, agreement).isEmpty(), "it waits no more");
    assertEquals(
        "events.notWaiting",
        assertThrows(RuleViolation.class, () -> actions.discardWaiting(acting, again.id(), "twice"))
            .code());
    List<OperationsOverview.StaffAction> done = overview.staffActions("marketplaceEvent.");
    assertTrue(
        done.stream()
            .anyMatch(
                a ->
                    a.actor().equals(acting.username())
                        && a.action().equals("marketplaceEvent.discarded")
                        && a.after().contains("nobody will register")),
        done.toString());
    assertTrue(
        done.stream()
            .anyMatch(
                a ->
                    a.actor().equals(acting.username())
                        && a.action().equals("marketplaceEvent.replayed")),
        done.toString());
  }

  /**
   * A message an endpoint refused although AWS sent it is kept; an operator replays it through
   * today's reader (it applies, once) or, when today's reader refuses it too, nothing changes.
   */
  @Test
  void aRefusedLifecycleEventIsReplayedThroughTodaysReader() throws Exception {
    AwsBuyers.Buyer known = buyers.settled("refused-", null);
    String license = newLicense();
    String agreement = "agmt-" + UUID.randomUUID().toString().substring(0, 12);
    String readable = strangersEvent(known, license, agreement);
    desk.refused("eventbridge", "aws", "refused by yesterday's reader", readable.getBytes(UTF_8));
    desk.refused("eventbridge", "aws", "not an event", "{\"detail\": 1}".getBytes(UTF_8));
    OperationsOverview.RefusedEvent fine = refused(readable).orElseThrow();
    OperationsOverview.RefusedEvent broken = refused("{\"detail\": 1}").orElseThrow();
    assertEquals("refused by yesterday's reader", fine.reason());

    Operators.Operator acting = signedIn(Operators.Role.OPERATOR);
    assertEquals(
        "events.stillRefused",
        assertThrows(
                RuleViolation.class, () -> actions.replayRefused(acting, broken.id(), "fixed?"))
            .code());
    assertTrue(refused("{\"detail\": 1}").orElseThrow().open(), "nothing changed");

    assertEquals("WAITING", actions.replayRefused(acting, fine.id(), "reader fixed").outcome());
    assertTrue(waitingFor(license, agreement).isPresent(), "received as if it had just come");
    OperationsOverview.RefusedEvent settled = refused(readable).orElseThrow();
    assertFalse(settled.open());
    assertEquals("replayed: WAITING", settled.settledAs());
    assertEquals(
        "events.notRefused",
        assertThrows(RuleViolation.class, () -> actions.replayRefused(acting, fine.id(), "again"))
            .code());
    actions.discardRefused(acting, broken.id(), "not an AWS event");
    assertEquals("discarded", refused("{\"detail\": 1}").orElseThrow().settledAs());
  }

  private java.util.Optional<OperationsOverview.WaitingEvent> waitingFor(
      String license, String agreement) {
    return overview.waitingEvents().stream()
        .filter(e -> license.equals(e.license()) || agreement.equals(e.agreement()))
        .findFirst();
  }

  private java.util.Optional<OperationsOverview.RefusedEvent> refused(String body) {
    return overview.refusedEvents().stream().filter(e -> body.equals(e.rawBody())).findFirst();
  }

  /**
   * An operator extends a locked workspace's countdown with a reason: the full lock comes that much
   * later, and the customer's audit log says who and why; an auditor cannot, and no reason or too
   * many days change nothing.
   */
  @Test
  void anOperatorExtendsALockCountdown() throws Exception {
    AwsBuyers.Buyer buyer = buyers.settled("extend-", null);
    Instant lockedAt =
        clock.instant().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    clock.set(lockedAt);
    customers.receive(buyer.license(), SubscriptionChange.ENDED, lockedAt);
    long id = buyer.workspace().id();
    BillingAccount owner = buyer.owner();
    assertEquals(WorkspaceStatus.LOCKED, workspaces.require(owner, id).status());
    Operators.Operator auditor = signedIn(Operators.Role.AUDITOR);
    Operators.Operator acting = signedIn(Operators.Role.OPERATOR);
    assertEquals(
        "operator.readOnly",
        assertThrows(
                RuleViolation.class, () -> actions.extendCountdown(auditor, id, 7, "asked by AWS"))
            .code());
    assertEquals(
        "workspace.extend.days",
        assertThrows(
                RuleViolation.class, () -> actions.extendCountdown(acting, id, 31, "asked by AWS"))
            .code());
    Instant end = lockedAt.plus(Workspace.LOCK_COUNTDOWN);
    assertEquals(end, workspaces.require(owner, id).countdownEnd().orElseThrow(), "unchanged");

    actions.extendCountdown(acting, id, 7, "AWS is sorting out the buyer's subscription");
    assertEquals(
        end.plus(Duration.ofDays(7)), workspaces.require(owner, id).countdownEnd().orElseThrow());
    assertTrue(lookup.customer(owner.id()).orElseThrow().workspaces().get(0).counting());
    AuditEntry entry =
        auditLog.page(owner.id(), 0, 50).stream()
            .filter(e -> e.action().equals("workspace.countdownExtended"))
            .findFirst()
            .orElseThrow();
    assertEquals("staff:" + acting.username(), entry.actor());
    assertTrue(entry.after().contains("sorting out"), entry.after());

    clock.set(end.plusSeconds(1));
    countdown.fullyLockOverdue();
    assertEquals(WorkspaceStatus.LOCKED, workspaces.require(owner, id).status(), "not yet");
    clock.set(end.plus(Duration.ofDays(7)).plusSeconds(1));
    countdown.fullyLockOverdue();
    assertEquals(WorkspaceStatus.FULLY_LOCKED, workspaces.require(owner, id).status());
  }
}
