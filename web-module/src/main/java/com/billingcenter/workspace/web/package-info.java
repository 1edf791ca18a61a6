/**
 * Workspace Management: the lazy table of the account's workspaces, opening the Commercial Plan and
 * the Change Settlement Method dialog. Beans only translate between the page and {@link
 * com.billingcenter.workspace.boundary.Workspaces}.
 */
package com.billingcenter.workspace.web;
