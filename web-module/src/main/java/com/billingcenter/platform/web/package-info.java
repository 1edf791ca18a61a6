/**
 * How every page and API call is authenticated and who the caller is, which language a page speaks,
 * how a record is read in a page's expressions, and the headers and limits every response has.
 * Knows accounts only through Jakarta Security's identity store and the account boundary.
 */
package com.billingcenter.platform.web;
