package com.billingcenter.cloudaccount.entity;

/**
 * A buyer as their marketplace identifies them: the account in the marketplace of {@code provider}
 * and the license they hold for {@code productCode}. Only the marketplace's adapter reads the
 * license's reference.
 */
public record ResolvedBuyer(
    String provider, String accountId, BuyerLicense license, String productCode) {}
