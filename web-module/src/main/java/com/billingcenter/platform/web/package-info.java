/**
 * How every page and API call is authenticated, which language a page speaks, and the headers every
 * response carries. Knows accounts only through Jakarta Security's identity store.
 */
package com.billingcenter.platform.web;
