/**
 * {@code /api/v1/bills}: the caller's monthly bill (JSON or CSV), daily costs and consumption;
 * {@code /api/v1/cloud-accounts/{id}/reconciliation}: a cloud account's reconciliation statement.
 */
package com.billingcenter.bill.rest;
