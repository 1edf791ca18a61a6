/**
 * The workspace lock, whole ({@link com.billingcenter.workspace.control.WorkspaceLocks}): locking
 * the workspaces a cloud account settled when it ends or fails, the 14-day countdown's full lock,
 * and dissolving; and a workspace's audit entries. Marketplace code calls it once; unlocking is a
 * change of settlement method in {@code workspace.boundary}.
 */
package com.billingcenter.workspace.control;
