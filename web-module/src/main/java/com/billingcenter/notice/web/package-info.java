/** The Notices page: what the Billing Center told the account, each notice in its language. */
package com.billingcenter.notice.web;
