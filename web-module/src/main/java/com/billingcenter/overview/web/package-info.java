/**
 * The Overview, the signed-in home page: this month's cost so far, the cloud accounts, the locked
 * workspaces and when each workspace may next change its settlement method, at a glance. It reads
 * through the other capabilities' boundaries and changes nothing.
 */
package com.billingcenter.overview.web;
