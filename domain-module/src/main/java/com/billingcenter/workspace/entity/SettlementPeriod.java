package com.billingcenter.workspace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The settlement method of a workspace from {@code validFrom} until the workspace's next period:
 * the history that tells who pays for an hour of usage (the method in effect when the hour began; a
 * workspace's first method from the start of the hour it was created in, so that no hour of it is
 * nobody's). Written whenever a workspace gets a method. The one change a period knows: the period
 * of a lock ({@link Kind#UNSETTLED}) is resolved once, charged to the method that unlocks the
 * workspace, or to the owner's Billing Center account when none did ({@link
 * Kind#CHARGED_TO_OWNER}).
 */
@Entity
@Table(name = "settlement_period")
@NamedQuery(
    name = SettlementPeriod.LOCKS_SINCE,
    query =
        "select count(p) from SettlementPeriod p where p.workspaceId = :workspaceId"
            + " and p.kind <> :settled and p.validFrom >= :since")
@NamedQuery(
    name = SettlementPeriod.OF_WORKSPACE_NEWEST_FIRST,
    query =
        "select p from SettlementPeriod p where p.workspaceId = :workspaceId"
            + " order by p.validFrom desc, p.id desc")
public class SettlementPeriod {

  public static final String OF_WORKSPACE_NEWEST_FIRST = "SettlementPeriod.ofWorkspaceNewestFirst";

  /** How many locks (periods that were unsettled) a workspace had from {@code :since} on. */
  public static final String LOCKS_SINCE = "SettlementPeriod.locksSince";

  /** Who pays for a period's usage. */
  public enum Kind {
    /** The period's method. */
    SETTLED,
    /** Nobody yet: the workspace is locked with no method; see {@link #chargeTo}. */
    UNSETTLED,
    /** Used while locked, charged to the method that unlocked the workspace. */
    WHILE_LOCKED,
    /**
     * Used while locked, charged to nobody: the workspace became fully locked (before version 14;
     * such usage is now {@link #CHARGED_TO_OWNER}).
     */
    WRITTEN_OFF,
    /**
     * Used while locked and paid by no unlocking method (the countdown ended, or the owner
     * dissolved the workspace): charged to the owner's Billing Center account.
     */
    CHARGED_TO_OWNER
  }

  @Id
  @SequenceGenerator(
      name = "settlement_period_seq",
      sequenceName = "settlement_period_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "settlement_period_seq")
  private Long id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private Long workspaceId;

  @Column(name = "valid_from", nullable = false, updatable = false)
  private Instant validFrom;

  @Column(name = "settlement_method", nullable = false, length = 32)
  private String method;

  @Column(name = "cloud_account_id")
  private Long cloudAccountId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Kind kind = Kind.SETTLED;

  protected SettlementPeriod() {}

  /** A new workspace's first method: from the start of the hour it was created in. */
  public static SettlementPeriod first(Workspace workspace) {
    return of(workspace, workspace.createdAt().truncatedTo(java.time.temporal.ChronoUnit.HOURS));
  }

  /** The workspace's method as it is now, from {@code since} on. */
  public static SettlementPeriod of(Workspace workspace, Instant since) {
    if (workspace.id() == null) {
      throw new IllegalStateException("A workspace gets its history once it is stored.");
    }
    SettlementPeriod period = new SettlementPeriod();
    period.workspaceId = workspace.id();
    period.validFrom = since;
    period.method = workspace.settlement().method();
    period.cloudAccountId = workspace.settlement().cloudAccountId();
    return period;
  }

  /**
   * A locked workspace's period without a method, from {@code since} on: its usage is unsettled
   * until the workspace is unlocked (or fully locked).
   */
  public static SettlementPeriod unsettled(Workspace workspace, Instant since) {
    if (workspace.settlement().method().equals(Settlement.NONE)) {
      SettlementPeriod period = of(workspace, since);
      period.kind = Kind.UNSETTLED;
      return period;
    }
    throw new IllegalStateException("Only a workspace without a method has unsettled usage.");
  }

  /** The unsettled usage of this period is charged to {@code method}, which unlocked it. */
  public void chargeTo(Settlement method) {
    requireUnsettled();
    this.method = method.method();
    this.cloudAccountId = method.cloudAccountId();
    this.kind = Kind.WHILE_LOCKED;
  }

  /**
   * The unsettled usage of this period is charged to the owner's Billing Center account: no method
   * unlocked the workspace before its countdown ended or it was dissolved. Nothing is free.
   */
  public void chargeToOwner() {
    requireUnsettled();
    this.method = Settlement.BILLING_CENTER;
    this.cloudAccountId = null;
    this.kind = Kind.CHARGED_TO_OWNER;
  }

  private void requireUnsettled() {
    if (kind != Kind.UNSETTLED) {
      throw new IllegalStateException("Period " + id + " is " + kind + ", not unsettled.");
    }
  }

  public Long id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  public Long workspaceId() {
    return workspaceId;
  }

  public Instant validFrom() {
    return validFrom;
  }

  public String method() {
    return method;
  }

  public Long cloudAccountId() {
    return cloudAccountId;
  }
}
