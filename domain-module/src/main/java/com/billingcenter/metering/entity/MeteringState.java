package com.billingcenter.metering.entity;

/** Where one metering record stands with the marketplace. */
public enum MeteringState {
  /** Computed, not yet answered: the sender takes it (again). */
  PENDING,
  /** The marketplace recorded it; its record id is kept. */
  SENT,
  /**
   * The marketplace had another quantity for this hour already and kept that one: flagged, as the
   * two disagree.
   */
  DUPLICATE,
  /** The buyer is no longer subscribed: final, never sent again. */
  NOT_SUBSCRIBED,
  /** Older than the marketplace accepts: flagged for an operator, never sent. */
  TOO_LATE,
  /** The marketplace refused this record itself (e.g. an unknown dimension): flagged. */
  REFUSED,
  /**
   * The agreement is a contract paid upfront: AWS is sent no usage ("your application never sends
   * metering records", Seller Guide, SaaS contracts); the usage counts against the units bought,
   * and any beyond them is flagged.
   */
  NOT_METERED,
  /**
   * An hour before a future-dated agreement starts, with no agreement in force: AWS is sent
   * nothing, as AWS provisions the license only at the agreement's start (Seller Guide,
   * future-dated offers); the usage is neither included in nor beyond the agreement.
   */
  BEFORE_START;

  /** Whether an operator should look at it. */
  public boolean flagged() {
    return this == DUPLICATE || this == TOO_LATE || this == REFUSED;
  }
}
