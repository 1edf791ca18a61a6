/** {@code /api/v1/audit}: the caller's own audit entries. */
package com.billingcenter.audit.rest;
