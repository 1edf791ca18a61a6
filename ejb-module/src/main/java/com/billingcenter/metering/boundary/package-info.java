/** Hourly metering of AWS-settled usage and its ledger. */
package com.billingcenter.metering.boundary;
