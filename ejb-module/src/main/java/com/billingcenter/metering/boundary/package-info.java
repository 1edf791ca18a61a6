/**
 * Hourly metering of AWS-settled usage, exactly once across restarts and instances: the run (due
 * hours written, then sent), the customer's ledger and the operators' requeue.
 */
package com.billingcenter.metering.boundary;
