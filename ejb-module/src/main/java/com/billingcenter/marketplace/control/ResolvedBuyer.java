package com.billingcenter.marketplace.control;

/**
 * A buyer as the marketplace identifies them. {@code licenseKey} is the buyer's license as the
 * marketplace compares it, and so the key of their cloud account. For AWS: the account id and
 * license ARN of current products, or only the legacy customer identifier of older ones (then
 * {@code licenseArn} is null).
 */
public record ResolvedBuyer(
    String provider,
    String accountId,
    String licenseKey,
    String licenseArn,
    String customerIdentifier,
    String productCode) {}
