/** Metering runs for operators over the JSON API. */
package com.billingcenter.metering.rest;
