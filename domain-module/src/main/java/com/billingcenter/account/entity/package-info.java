/**
 * Billing Center accounts: who a customer is, how they log in, and the rules on user names, login
 * accounts and passwords. Owns the {@code billing_account} table. Knows nothing of workspaces,
 * settlement or clouds; those capabilities refer to an account, never the other way round.
 */
package com.billingcenter.account.entity;
