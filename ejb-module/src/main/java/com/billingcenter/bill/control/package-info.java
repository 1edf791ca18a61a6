/** Bills in other forms (CSV). */
package com.billingcenter.bill.control;
