/** The metering ledger page of a cloud account. */
package com.billingcenter.metering.web;
