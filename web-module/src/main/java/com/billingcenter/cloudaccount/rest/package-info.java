/** {@code /api/v1/cloud-accounts}: the caller's cloud accounts with the workspaces each settles. */
package com.billingcenter.cloudaccount.rest;
