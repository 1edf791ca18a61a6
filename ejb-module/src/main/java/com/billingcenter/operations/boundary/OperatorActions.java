package com.billingcenter.operations.boundary;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.marketplace.boundary.LifecycleEventDesk;
import com.billingcenter.metering.boundary.MeteringRequeue;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.operations.boundary.CustomerLookup.Customer;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.workspace.control.WorkspaceCurrencies;
import com.billingcenter.workspace.control.WorkspaceLocks;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Set;

/**
 * What an operator does for a customer: each action needs the {@code operator} role and a reason,
 * and is audited with the operator's name (the customer's audit log shows it as the product's
 * staff, with the reason).
 */
@Stateless
public class OperatorActions {

  @Inject CustomerLookup lookup;
  @Inject Accounts accounts;
  @Inject WorkspaceLocks locks;
  @Inject MeteringRequeue requeue;
  @Inject LifecycleEventDesk desk;
  @Inject WorkspaceCurrencies currencies;

  /**
   * The operator's switch of a customer's arbitrary selection (any settlement method on any site),
   * with the reason the operator gives, audited in the customer's log with the operator's name.
   *
   * @throws RuleViolation {@code operator.readOnly} for an auditor, {@code operator.reason} without
   *     a reason (or one over 500 characters), {@code operator.customer} for no such customer
   */
  public void allowArbitrarySelection(
      Operators.Operator operator, long accountId, boolean allowed, String reason) {
    String why = actingWith(operator, reason);
    Customer customer =
        lookup
            .customer(accountId)
            .orElseThrow(() -> new RuleViolation("operator.customer", "No such customer."));
    accounts.allowArbitrarySelection(customer.username(), allowed, operator.actor(), why);
  }

  /**
   * The operator extends a locked workspace's countdown by {@code days} (see {@code
   * Workspace.extendCountdown}), with a reason, audited in the customer's log.
   *
   * @throws RuleViolation as {@link #allowArbitrarySelection}, {@code operator.workspace} for no
   *     such workspace, and the workspace's own refusals ({@code workspace.extend.*})
   */
  public void extendCountdown(
      Operators.Operator operator, long workspaceId, int days, String reason) {
    String why = actingWith(operator, reason);
    locks
        .extendCountdown(workspaceId, days, operator.actor(), why)
        .orElseThrow(() -> new RuleViolation("operator.workspace", "No such workspace."));
  }

  /**
   * The operator switches a workspace's currency from the next month on ({@link
   * WorkspaceCurrencies}), on the customer's request, with a reason; answers that month.
   *
   * @throws RuleViolation as {@link #allowArbitrarySelection}, {@code operator.workspace} for no
   *     such workspace, and the switch's own refusals ({@code workspace.currency.*})
   */
  public java.time.YearMonth switchCurrency(
      Operators.Operator operator, long workspaceId, String currency, String reason) {
    String why = actingWith(operator, reason);
    return currencies
        .switchFromNextMonth(workspaceId, currency, operator.actor(), why)
        .orElseThrow(() -> new RuleViolation("operator.workspace", "No such workspace."));
  }

  /**
   * The operator sends a cloud account's refused or too-late metering records of {@code [from, to)}
   * again ({@link MeteringRequeue}), with a reason, audited with the operator's name.
   */
  public MeteringRequeue.Requeued requeue(
      Operators.Operator operator,
      Set<MeteringState> states,
      Long cloudAccountId,
      Instant from,
      Instant to,
      String reason) {
    String why = actingWith(operator, reason);
    return requeue.requeue(states, cloudAccountId, from, to, why, operator.actor());
  }

  /** Replays a waiting lifecycle message through today's reader ({@link LifecycleEventDesk}). */
  public LifecycleEventDesk.Replayed replayWaiting(
      Operators.Operator operator, long eventId, String reason) {
    return desk.replayWaiting(eventId, operator.actor(), actingWith(operator, reason));
  }

  /** Discards a waiting lifecycle message ({@link LifecycleEventDesk}). */
  public void discardWaiting(Operators.Operator operator, long eventId, String reason) {
    desk.discardWaiting(eventId, operator.actor(), actingWith(operator, reason));
  }

  /** Replays a refused lifecycle message through today's reader ({@link LifecycleEventDesk}). */
  public LifecycleEventDesk.Replayed replayRefused(
      Operators.Operator operator, long refusedId, String reason) {
    return desk.replayRefused(refusedId, operator.actor(), actingWith(operator, reason));
  }

  /** Discards a refused lifecycle message ({@link LifecycleEventDesk}). */
  public void discardRefused(Operators.Operator operator, long refusedId, String reason) {
    desk.discardRefused(refusedId, operator.actor(), actingWith(operator, reason));
  }

  /**
   * The reason an acting operator gives, stripped.
   *
   * @throws RuleViolation {@code operator.readOnly} for an auditor, {@code operator.reason} without
   *     a reason or with one over 500 characters
   */
  static String actingWith(Operators.Operator operator, String reason) {
    Operators.requireActing(operator);
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw new RuleViolation("operator.reason", "Say why, in at most 500 characters.");
    }
    return why;
  }
}
