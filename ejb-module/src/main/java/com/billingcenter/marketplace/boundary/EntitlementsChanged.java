package com.billingcenter.marketplace.boundary;

/** A contract's entitlements changed; they are fetched once the change has committed. */
public record EntitlementsChanged(long cloudAccountId) {}
