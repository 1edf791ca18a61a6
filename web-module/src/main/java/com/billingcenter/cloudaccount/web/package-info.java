/**
 * Account Management > Cloud Account: the account's cloud accounts and the workspaces each settles.
 */
package com.billingcenter.cloudaccount.web;
