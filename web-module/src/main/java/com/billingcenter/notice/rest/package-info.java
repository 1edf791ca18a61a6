/** {@code /api/v1/notices}: the notices sent to the caller, newest first. */
package com.billingcenter.notice.rest;
