/**
 * What the operators watch: the business gauges ({@code /metrics}) read from the database, and
 * their text in Prometheus's exposition format.
 */
package com.billingcenter.operations.control;
