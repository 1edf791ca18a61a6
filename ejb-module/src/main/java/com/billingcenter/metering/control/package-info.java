/** The metering job's parts: the outbox in the database, the lease, sending. */
package com.billingcenter.metering.control;
