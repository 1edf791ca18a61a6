/** Bills: the roll-up against the raw usage, final bills and late usage (in the container). */
package com.billingcenter.system.bill;
