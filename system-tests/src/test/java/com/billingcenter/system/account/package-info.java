/** Registration, sign-in and password resets, over HTTP and in a browser. */
package com.billingcenter.system.account;
