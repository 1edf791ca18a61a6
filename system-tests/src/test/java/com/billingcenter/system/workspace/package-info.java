/** Workspaces over the API, in a browser and in the container, and the lock's lifecycle. */
package com.billingcenter.system.workspace;
