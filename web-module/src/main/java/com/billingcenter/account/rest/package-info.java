/** The account part of the JSON API: who am I, and registration. */
package com.billingcenter.account.rest;
