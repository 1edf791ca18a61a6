/**
 * What every capability stands on: the application's own datasource, the schema migrations that own
 * its tables, the clock, and the health check. Holds no business rules.
 */
package com.billingcenter.platform.control;
