/**
 * Writing the audit log. {@link com.billingcenter.audit.control.Audit} joins the caller's
 * transaction, so an entry is stored exactly when the change it describes is, and never otherwise.
 */
package com.billingcenter.audit.control;
