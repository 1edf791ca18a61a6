/** The Bills page: a month's bill by settlement method, and consumption details per day. */
package com.billingcenter.bill.web;
