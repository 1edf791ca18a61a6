package com.billingcenter.marketplace.control;

/** What the marketplace said about one usage record. */
public record MeteringResult(MeteredUsage usage, Status status, String meteringRecordId) {

  public enum Status {
    /** Recorded; {@code meteringRecordId} names it. */
    SUCCESS,
    /** The buyer is not (or no longer) subscribed: final, never retried. */
    CUSTOMER_NOT_SUBSCRIBED,
    /** This hour was metered before with another quantity; the first one stands. */
    DUPLICATE_RECORD,
    /** Not processed this time: send it again. */
    UNPROCESSED
  }
}
