package com.billingcenter.marketplace.control;

import com.billingcenter.cloudaccount.entity.BuyerLicense;
import java.time.Instant;

/**
 * One hour of one dimension for one buyer (their account in the marketplace and their license), as
 * sent to the marketplace, with how its quantity splits among the buyer's workspaces ({@code
 * allocations}: tagged parts and at most one untagged one, summing to the quantity; empty when it
 * is not split).
 */
public record MeteredUsage(
    String accountId,
    BuyerLicense license,
    String dimension,
    Instant hour,
    int quantity,
    java.util.List<Allocation> allocations) {

  /** A part of the quantity and the tags it is allocated to (none: untagged). */
  public record Allocation(int quantity, java.util.Map<String, String> tags) {}

  /** Usage not split among workspaces. */
  public MeteredUsage(
      String accountId, BuyerLicense license, String dimension, Instant hour, int quantity) {
    this(accountId, license, dimension, hour, quantity, java.util.List.of());
  }
}
