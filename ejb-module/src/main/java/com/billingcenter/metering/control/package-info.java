/**
 * The metering job's parts: the outbox in the database (an hour's records, late usage carried to a
 * later hour), the lease that makes one instance the sender, sending at AWS's pace, the backlog the
 * health check reports.
 */
package com.billingcenter.metering.control;
