package com.billingcenter.marketplace.control;

import java.time.Instant;

/**
 * One hour of one dimension for one buyer, as sent to the marketplace. For AWS: the account id and
 * license ARN of current products, or the legacy customer identifier alone.
 */
public record MeteredUsage(
    String accountId,
    String licenseArn,
    String customerIdentifier,
    String dimension,
    Instant hour,
    int quantity) {}
