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

  /**
   * Refuses a call made with an API token rather than the account's password: tokens are not for
   * managing tokens or the password (a token never makes a credential longer-lived than itself).
   *
   * @throws com.billingcenter.platform.entity.RuleViolation {@code token.forbidden}
   */
  public void requirePassword() {
    if (request.getAttribute(BillingAuthenticationMechanism.TOKEN_SCOPE) != null) {
      throw new com.billingcenter.platform.entity.RuleViolation(
          "token.forbidden", "This call needs the account's password, not an API token.");
    }
  }

  /** The caller's Billing Center account, read now. */
  public BillingAccount account() {
    return accounts.require(username());
  }
}
