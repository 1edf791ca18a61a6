/**
 * Workspaces: what a customer pays for, on one site, with a language fixed at creation, a plan, a
 * settlement method and a lock state. Owns the {@code workspace} table and the rules on changing
 * the settlement method (once per calendar month; a change unlocks a locked workspace) and on
 * locking (14-day countdown, then fully locked). Refers to accounts and cloud accounts by id only;
 * what a site allows is decided by the site configuration, outside this package.
 */
package com.billingcenter.workspace.entity;
