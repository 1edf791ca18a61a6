/**
 * A buyer's way from a cloud marketplace into the Billing Center: receiving the marketplace's
 * registration (resolve the buyer, record the cloud account, hand out a one-time reference) and
 * using that reference once to bind the cloud account and workspaces to a Billing Center account.
 * Cloud-neutral: the marketplace is reached through {@link
 * com.billingcenter.marketplace.control.CloudMarketplace}.
 */
package com.billingcenter.marketplace.boundary;
