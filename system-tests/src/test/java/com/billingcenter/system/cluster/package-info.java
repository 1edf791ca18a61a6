/**
 * The cluster as operators run it: Payara Micro members in one data grid behind nginx, on
 * PostgreSQL (skipped on the embedded database).
 */
package com.billingcenter.system.cluster;
