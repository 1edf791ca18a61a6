/**
 * The cloud accounts of a Billing Center account (Account Management > Cloud Account): each with
 * the workspaces it settles, and binding more workspaces to one.
 */
package com.billingcenter.cloudaccount.boundary;
