/**
 * Where a buyer arrives from a cloud marketplace: the fulfillment URL AWS Marketplace posts the
 * browser to, its error page, and the set-up page that binds the buyer's cloud account to a Billing
 * Center account (Step 1 for a new customer, Step 2 for an existing one).
 */
package com.billingcenter.marketplace.web;
