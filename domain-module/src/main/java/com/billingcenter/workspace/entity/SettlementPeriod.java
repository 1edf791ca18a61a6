package com.billingcenter.workspace.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The settlement method of a workspace from {@code validFrom} until the workspace's next period:
 * the history that tells who pays for an hour of usage (the method in effect when the hour began; a
 * workspace's first method from the start of the hour it was created in, so that no hour of it is
 * nobody's). Written whenever a workspace gets a method, never changed.
 */
@Entity
@Table(name = "settlement_period")
public class SettlementPeriod {

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

  @Column(name = "settlement_method", nullable = false, updatable = false, length = 32)
  private String method;

  @Column(name = "cloud_account_id", updatable = false)
  private Long cloudAccountId;

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
