package com.billingcenter.platform.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in customer of this request, a page's or an API call's (the authentication mechanism
 * has checked them by then): every page bean and resource that acts for the caller asks here.
 */
@RequestScoped
public class Caller {

  @Inject HttpServletRequest request;
  @Inject Accounts accounts;

  /** The caller's user name. */
  public String username() {
    return request.getUserPrincipal().getName();
  }

  /** The caller's Billing Center account, read now. */
  public BillingAccount account() {
    return accounts.require(username());
  }
}
