/** Reading the audit log: an account sees its own entries, newest first, a page at a time. */
package com.billingcenter.audit.boundary;
