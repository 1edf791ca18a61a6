/** Hourly metering to cloud marketplaces: which hours are due, records and runs. */
package com.billingcenter.metering.entity;
