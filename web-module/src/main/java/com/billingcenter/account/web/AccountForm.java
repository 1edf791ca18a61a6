package com.billingcenter.account.web;

/**
 * What opens a Billing Center account: a user name, the login account (an e-mail address) and a new
 * password ({@code WEB-INF/includes/account-fields.xhtml} shows it), on the registration page and
 * the set-up page's first step.
 */
public class AccountForm extends NewPassword {

  private static final long serialVersionUID = 1L;

  private String username;
  private String loginAccount;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getLoginAccount() {
    return loginAccount;
  }

  public void setLoginAccount(String loginAccount) {
    this.loginAccount = loginAccount;
  }
}
