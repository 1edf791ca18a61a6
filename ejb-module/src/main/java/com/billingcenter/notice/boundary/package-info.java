/** Reading an account's notices, newest first, a page at a time. */
package com.billingcenter.notice.boundary;
