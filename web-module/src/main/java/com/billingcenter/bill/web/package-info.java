/** The Bills page. */
package com.billingcenter.bill.web;
