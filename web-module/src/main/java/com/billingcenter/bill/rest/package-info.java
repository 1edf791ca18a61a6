/** {@code /api/v1/bills}: the caller's monthly bill (JSON or CSV), daily costs and consumption. */
package com.billingcenter.bill.rest;
