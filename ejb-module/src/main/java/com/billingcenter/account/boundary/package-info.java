/**
 * Billing Center accounts as the pages and the API use them: registration and look-up. Passwords
 * are checked against the policy and hashed here; nothing outside this capability sees a hash.
 */
package com.billingcenter.account.boundary;
