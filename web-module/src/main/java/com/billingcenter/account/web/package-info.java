/**
 * The account pages: log in, register, forgot and reset password, the Account page, log out; the
 * one account form they share.
 */
package com.billingcenter.account.web;
