/** The Audit Log page: the account's own audit entries, newest first, a page at a time. */
package com.billingcenter.audit.web;
