/** The operators' endpoints that are not the API: the business gauges for Prometheus. */
package com.billingcenter.operations.web;
