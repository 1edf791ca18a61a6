/** The account pages: log in, register, log out. */
package com.billingcenter.account.web;
