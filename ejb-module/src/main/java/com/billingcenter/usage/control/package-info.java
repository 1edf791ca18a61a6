/**
 * What usage intake and the bills stand on: judging a batch record by record, its SQL for both
 * databases, the daily roll-up bills read, the hours held open while a batch is stored, unsettled
 * usage of locked workspaces, billing items from configuration and the sites' keys.
 */
package com.billingcenter.usage.control;
