/**
 * The audit log: one immutable entry per change of an account, workspace, settlement method, lock
 * or unlock, saying who (an account's user name or {@code system}), when, what, before and after.
 * Entries are only ever added; nothing here updates or deletes one.
 */
package com.billingcenter.audit.entity;
