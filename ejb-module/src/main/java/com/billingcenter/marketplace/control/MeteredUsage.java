package com.billingcenter.marketplace.control;

import com.billingcenter.cloudaccount.entity.BuyerLicense;
import java.time.Instant;

/**
 * One hour of one dimension for one buyer (their account in the marketplace and their license), as
 * sent to the marketplace.
 */
public record MeteredUsage(
    String accountId, BuyerLicense license, String dimension, Instant hour, int quantity) {}
