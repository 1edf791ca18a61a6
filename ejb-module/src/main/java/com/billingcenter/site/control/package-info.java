/** Reads the site configuration and answers which sites exist and what each allows. */
package com.billingcenter.site.control;
