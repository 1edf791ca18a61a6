/** Billing items from configuration and the sites' keys. */
package com.billingcenter.usage.control;
