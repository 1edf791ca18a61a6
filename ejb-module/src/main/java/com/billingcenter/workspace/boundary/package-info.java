/**
 * What a customer does with workspaces: create one (opening the Commercial Plan), list them a page
 * at a time with the database doing the sorting and filtering, and change the settlement method
 * under the site's rule and the month limit (which unlocks a locked one), dissolve a locked one
 * (through {@code workspace.control.WorkspaceLocks}, the lock's home), and open a lock page from
 * its mailed link. Every change is audited in the same transaction. A workspace of another account
 * is reported exactly like a missing one.
 */
package com.billingcenter.workspace.boundary;
