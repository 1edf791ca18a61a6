/**
 * Customers' costs: monthly bills (in progress, then final), consumption details, daily costs and
 * hourly usage of their workspaces.
 */
package com.billingcenter.bill.boundary;
