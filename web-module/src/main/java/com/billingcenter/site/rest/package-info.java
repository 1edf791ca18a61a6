/** {@code /api/v1/sites}: the configured sites and the settlement methods each allows. */
package com.billingcenter.site.rest;
