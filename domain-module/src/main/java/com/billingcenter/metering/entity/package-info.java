/**
 * Hourly metering to cloud marketplaces: which hours of a cloud account are due (and when its final
 * flush is), the records of the outbox with their states, and the runs that wrote and sent them.
 */
package com.billingcenter.metering.entity;
