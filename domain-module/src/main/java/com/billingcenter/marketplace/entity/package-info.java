/**
 * Registrations from a cloud marketplace: the one-time, short-lived reference a buyer gets when the
 * marketplace sends them to our fulfillment URL, and that one Billing Center account uses once to
 * take over the cloud account. The marketplace's own token never leaves the fulfillment request.
 */
package com.billingcenter.marketplace.entity;
