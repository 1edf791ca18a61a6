/**
 * What the system tests stand on: the servers they start (the shared one, the StrictServer, the
 * cluster, the in-container deployment), HTTP and browser clients, direct database access and mail,
 * and the names of what classes running side by side may not share.
 */
package com.billingcenter.system.support;
