package com.billingcenter.metering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One hour of one dimension of one cloud account, as computed for the marketplace and what the
 * marketplace answered. The quantity is written once with the record (its key is unique) and never
 * changes, so that every send of it, by any instance, is the same record. The metering job writes
 * and updates these rows in bulk; this mapping is for reading them.
 */
@Entity
@Table(name = "metering_record")
@NamedQuery(
    name = MeteringRecord.LEDGER,
    query =
        "select m from MeteringRecord m where m.cloudAccountId = :cloudAccountId"
            + " and m.hour >= :from and m.hour < :to order by m.hour desc, m.dimension")
public class MeteringRecord {

  public static final String LEDGER = "MeteringRecord.ledger";

  @Id private Long id;

  @Column(name = "cloud_account_id", nullable = false, updatable = false)
  private Long cloudAccountId;

  @Column(nullable = false, updatable = false, length = 64)
  private String dimension;

  @Column(name = "usage_hour", nullable = false, updatable = false)
  private Instant hour;

  @Column(nullable = false, updatable = false)
  private long quantity;

  @Column(name = "computed_at", nullable = false, updatable = false)
  private Instant computedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 24)
  private MeteringState state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "aws_status", length = 32)
  private String awsStatus;

  @Column(name = "aws_record_id", length = 128)
  private String awsRecordId;

  @Column(name = "last_error", length = 500)
  private String lastError;

  @Column(name = "final_flush", nullable = false)
  private boolean finalFlush;

  /** Of {@code quantity}, the usage of earlier hours reported late and carried here. */
  @Column(name = "late_quantity", nullable = false, updatable = false)
  private long lateQuantity;

  @Column(name = "late_from", updatable = false)
  private Instant lateFrom;

  @Column(name = "late_until", updatable = false)
  private Instant lateUntil;

  /**
   * Of the hour's usage, the units within what the agreement's contract bought (not sent); {@link
   * #quantity} is the rest.
   */
  @Column(name = "included_quantity", nullable = false, updatable = false)
  private long includedQuantity;

  /** The agreement whose contract the included units count against; null when none. */
  @Column(name = "agreement_id", updatable = false, length = 64)
  private String agreementId;

  @Version private long version;

  protected MeteringRecord() {}

  public Long id() {
    return id;
  }

  public Long cloudAccountId() {
    return cloudAccountId;
  }

  public String dimension() {
    return dimension;
  }

  public Instant hour() {
    return hour;
  }

  public long includedQuantity() {
    return includedQuantity;
  }

  public String agreementId() {
    return agreementId;
  }

  public long quantity() {
    return quantity;
  }

  public MeteringState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public String awsStatus() {
    return awsStatus;
  }

  public String awsRecordId() {
    return awsRecordId;
  }

  public String lastError() {
    return lastError;
  }

  /** How much of the quantity is late usage carried here (0: none). */
  public long lateQuantity() {
    return lateQuantity;
  }

  /** The oldest hour of the late usage carried here, or null. */
  public Instant lateFrom() {
    return lateFrom;
  }

  /** The newest hour of the late usage carried here, or null. */
  public Instant lateUntil() {
    return lateUntil;
  }

  public boolean finalFlush() {
    return finalFlush;
  }
}
