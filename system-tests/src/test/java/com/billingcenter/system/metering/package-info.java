/**
 * Hourly metering to the sandbox: in the container with a moved clock, over the SDK, and the ledger
 * page.
 */
package com.billingcenter.system.metering;
