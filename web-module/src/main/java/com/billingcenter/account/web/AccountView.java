package com.billingcenter.account.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.boundary.LoginVerificationMails;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Login;
import com.billingcenter.account.entity.Role;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.ClientAddress;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.PageSignIns;
import com.billingcenter.platform.web.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** {@code account.xhtml}: Account Management > Account, with changing the password. */
@Named
@RequestScoped
public class AccountView {

  @Inject Caller caller;
  @Inject PageSignIns pageSignIns;
  @Inject Accounts accounts;
  @Inject LoginVerificationMails verificationMails;
  @Inject FacesContext faces;

  private BillingAccount account;
  private Login login;
  private final AccountForm form = new AccountForm();

  @PostConstruct
  void load() {
    account = caller.account();
    login = accounts.findLogin(caller.username()).orElse(account);
  }

  @Requires(Role.Permission.OWN_CREDENTIALS)
  public void changePassword() {
    if (!form.confirmed(faces, "password:confirmation")) {
      return;
    }
    try {
      accounts.changePassword(
          caller.username(),
          form.getCurrentPassword(),
          form.getPassword(),
          ClientAddress.counted((HttpServletRequest) faces.getExternalContext().getRequest()));
      // Every other session of the account ends; this one is signed again and goes on.
      pageSignIns.afterPasswordChange((HttpServletRequest) faces.getExternalContext().getRequest());
      Messages.info(faces, "account.passwordSaved");
      load();
    } catch (AccountRuleViolation refused) {
      String field =
          refused.code().equals("password.currentWrong")
                  || refused.code().equals("password.throttled")
              ? "current"
              : "newPassword";
      Messages.error(faces, "password:" + field, refused.code());
    }
  }

  /** Who is signed in: the account's own login or a team member. */
  public String getSignedInAs() {
    return login.username();
  }

  /** The signed-in person's role in the account ({@code owner}, {@code finance}, ...). */
  public String getRole() {
    return login.role().code();
  }

  public String getUsername() {
    return account.username();
  }

  public String getLoginAccount() {
    return account.loginAccount();
  }

  /** Whether the login e-mail address is confirmed (a reset may be mailed to it). */
  public boolean isLoginVerified() {
    return account.loginVerified();
  }

  /** Whether the login account is an address mail can go to. */
  public boolean isMailable() {
    return account.loginAccount().contains("@");
  }

  /** Mails the confirmation link again (at most three an hour; the mail says why). */
  @Requires(Role.Permission.OWNERS)
  public void sendVerification() {
    verificationMails.send(account.id());
    Messages.info(faces, "account.verificationSent", account.loginAccount());
  }

  public String getCreatedAt() {
    return UtcTimes.MINUTES.format(account.createdAt());
  }

  public String getPasswordChangedAt() {
    return UtcTimes.MINUTES.format(login.passwordChangedAt());
  }

  public AccountForm getForm() {
    return form;
  }
}
