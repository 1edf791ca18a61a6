package com.billingcenter.marketplace.control;

/**
 * A buyer as the marketplace identifies them. For AWS: the account id and license ARN of current
 * products, or only the legacy customer identifier of older ones (then {@code licenseArn} is null).
 */
public record ResolvedBuyer(
    String provider,
    String accountId,
    String licenseArn,
    String customerIdentifier,
    String productCode) {}
