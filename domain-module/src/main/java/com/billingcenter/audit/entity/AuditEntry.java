package com.billingcenter.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One change, as it happened. {@code accountId} is the Billing Center account the change belongs to
 * (whose audit page shows it); {@code actor} is who made it: that account's user name, or {@link
 * #SYSTEM} for what the Billing Center did by itself (a marketplace notification, a timer).
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(
    name = AuditEntry.BY_ACCOUNT,
    query = "select e from AuditEntry e where e.accountId = :accountId order by e.id desc")
@NamedQuery(
    name = AuditEntry.COUNT_BY_ACCOUNT,
    query = "select count(e) from AuditEntry e where e.accountId = :accountId")
public class AuditEntry {

  public static final String BY_ACCOUNT = "AuditEntry.byAccount";
  public static final String COUNT_BY_ACCOUNT = "AuditEntry.countByAccount";
  public static final String SYSTEM = "system";

  /** The actor of the product's staff's changes, as the customer sees them: not by name. */
  public static final String STAFF = "staff";

  /** The actor of a change the product's staff made: {@code staff:<operator's name>}. */
  public static final String STAFF_PREFIX = STAFF + ":";

  private static final int MAX_VALUE = 1000;

  @Id
  @SequenceGenerator(
      name = "audit_entry_seq",
      sequenceName = "audit_entry_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
  private Long id;

  @Column(name = "account_id", updatable = false)
  private Long accountId;

  @Column(nullable = false, updatable = false, length = 64)
  private String actor;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false, length = 64)
  private String action;

  @Column(name = "subject_type", nullable = false, updatable = false, length = 32)
  private String subjectType;

  @Column(name = "subject_id", nullable = false, updatable = false, length = 64)
  private String subjectId;

  @Column(name = "before_value", updatable = false, length = MAX_VALUE)
  private String before;

  @Column(name = "after_value", updatable = false, length = MAX_VALUE)
  private String after;

  protected AuditEntry() {}

  public AuditEntry(
      Long accountId,
      String actor,
      Instant occurredAt,
      String action,
      String subjectType,
      String subjectId,
      String before,
      String after) {
    this.accountId = accountId;
    this.actor = Objects.requireNonNull(actor, "actor");
    this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    this.action = Objects.requireNonNull(action, "action");
    this.subjectType = Objects.requireNonNull(subjectType, "subjectType");
    this.subjectId = Objects.requireNonNull(subjectId, "subjectId");
    this.before = clip(before);
    this.after = clip(after);
  }

  // A value longer than the column is kept in part rather than losing the whole entry.
  private static String clip(String value) {
    return value == null || value.length() <= MAX_VALUE
        ? value
        : value.substring(0, MAX_VALUE - 1) + "…";
  }

  public Long id() {
    return id;
  }

  public Long accountId() {
    return accountId;
  }

  /** Who acted, as the customer sees it: a staff member's name is {@link #STAFF}. */
  public String actorSeenByCustomer() {
    return actor.startsWith(STAFF_PREFIX) ? STAFF : actor;
  }

  public String actor() {
    return actor;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String action() {
    return action;
  }

  public String subjectType() {
    return subjectType;
  }

  public String subjectId() {
    return subjectId;
  }

  public String before() {
    return before;
  }

  public String after() {
    return after;
  }

  @Override
  public String toString() {
    return "AuditEntry[" + action + " " + subjectType + " " + subjectId + " by " + actor + "]";
  }
}
