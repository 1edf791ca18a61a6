package com.billingcenter.operations.web;

import com.billingcenter.marketplace.boundary.LifecycleEventDesk;
import com.billingcenter.metering.boundary.MeteringRequeue;
import com.billingcenter.metering.entity.MeteringState;
import com.billingcenter.operations.boundary.OperatorActions;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The console's actions on the Lifecycle events and Metering pages: replay or discard a waiting or
 * refused event, requeue metering records; each with the reason the operator typed (an auditor's is
 * refused by {@link OperatorActions}).
 */
@Named
@RequestScoped
public class OperatorActionsView {

  @Inject OperatorActions actions;
  @Inject OperationsView shown;

  private String reason;
  private Long cloudAccountId;
  private String from;
  private String to;
  private boolean refused = true;
  private boolean tooLate = true;

  /** Whether the signed-in operator may act (an auditor reads). */
  public boolean isActing() {
    return OperatorFilter.acting();
  }

  public void replayWaiting(long eventId) {
    done(
        "ops.events.replayed",
        () -> replayed(actions.replayWaiting(OperatorFilter.current(), eventId, reason)));
  }

  public void discardWaiting(long eventId) {
    done(
        "ops.events.discarded",
        () -> {
          actions.discardWaiting(OperatorFilter.current(), eventId, reason);
          return new Object[0];
        });
  }

  public void replayRefused(long refusedId) {
    done(
        "ops.events.replayed",
        () -> replayed(actions.replayRefused(OperatorFilter.current(), refusedId, reason)));
  }

  public void discardRefused(long refusedId) {
    done(
        "ops.events.discarded",
        () -> {
          actions.discardRefused(OperatorFilter.current(), refusedId, reason);
          return new Object[0];
        });
  }

  /** Requeues the refused and/or too-late records of the hours {@code [from, to)}. */
  public void requeue() {
    Set<MeteringState> states = EnumSet.noneOf(MeteringState.class);
    if (refused) {
      states.add(MeteringState.REFUSED);
    }
    if (tooLate) {
      states.add(MeteringState.TOO_LATE);
    }
    done(
        "ops.requeue.done",
        () -> {
          MeteringRequeue.Requeued requeued =
              actions.requeue(
                  OperatorFilter.current(),
                  states,
                  cloudAccountId,
                  hour(from, "from"),
                  hour(to, "to"),
                  reason);
          return new Object[] {requeued.records(), requeued.cloudAccounts()};
        });
  }

  private static Object[] replayed(LifecycleEventDesk.Replayed replayed) {
    return new Object[] {replayed.outcome()};
  }

  /** An hour as typed: an ISO-8601 instant (e.g. 2026-12-07T10:00:00Z). */
  private static Instant hour(String text, String which) {
    try {
      return Instant.parse(text == null ? "" : text.strip());
    } catch (DateTimeParseException e) {
      throw new RuleViolation(
          "operator.hour", "Type the " + which + " hour as 2026-12-07T10:00:00Z.");
    }
  }

  /**
   * Runs an action; the message of {@code key} with what it answers filled in, or its refusal (its
   * English detail as {@code {0}}), is shown on the page.
   */
  private void done(String key, Supplier<Object[]> action) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Object[] args = action.get();
      reason = null;
      shown.refresh();
      Messages.info(faces, key, args);
    } catch (RuleViolation e) {
      refused(faces, e);
    }
  }

  /**
   * Shows an action's refusal: the text of {@code ops.<code>}, with the refusal's English detail as
   * {@code {0}} where the text has one.
   */
  static void refused(FacesContext faces, RuleViolation e) {
    String key = "ops." + e.code();
    if (Messages.text(faces, key).contains("{0}")) {
      Messages.error(faces, null, key, e.getMessage());
    } else {
      Messages.error(faces, null, key);
    }
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public Long getCloudAccountId() {
    return cloudAccountId;
  }

  public void setCloudAccountId(Long cloudAccountId) {
    this.cloudAccountId = cloudAccountId;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public boolean isRefused() {
    return refused;
  }

  public void setRefused(boolean refused) {
    this.refused = refused;
  }

  public boolean isTooLate() {
    return tooLate;
  }

  public void setTooLate(boolean tooLate) {
    this.tooLate = tooLate;
  }
}
