/** {@code /api/v1/workspaces}: the caller's workspaces as JSON, and changing them. */
package com.billingcenter.workspace.rest;
