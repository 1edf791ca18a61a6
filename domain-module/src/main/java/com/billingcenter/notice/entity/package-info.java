/**
 * Notices to customers: what the Billing Center told an account (a workspace locked or dissolved, a
 * bill ready), in the language of the workspace it is about, kept as sent.
 */
package com.billingcenter.notice.entity;
