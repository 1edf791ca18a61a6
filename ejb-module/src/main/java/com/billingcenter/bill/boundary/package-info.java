/** Customers' costs: monthly bills, daily costs and hourly usage of their workspaces. */
package com.billingcenter.bill.boundary;
