package com.billingcenter.account.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.platform.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** {@code account.xhtml}: Account Management > Account, with changing the password. */
@Named
@RequestScoped
public class AccountView {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  @Inject com.billingcenter.platform.web.PageSignIns pageSignIns;
  @Inject Accounts accounts;
  @Inject FacesContext faces;

  private BillingAccount account;
  private String currentPassword;
  private String newPassword;
  private String confirmation;

  @PostConstruct
  void load() {
    account = accounts.require(faces.getExternalContext().getUserPrincipal().getName());
  }

  public void changePassword() {
    if (newPassword == null || !newPassword.equals(confirmation)) {
      Messages.error(faces, "password:confirmation", "register.mismatch");
      return;
    }
    try {
      accounts.changePassword(account.username(), currentPassword, newPassword);
      // Every other session of the account ends; this one is signed again and goes on.
      pageSignIns.afterPasswordChange(
          (jakarta.servlet.http.HttpServletRequest) faces.getExternalContext().getRequest());
      Messages.info(faces, "account.passwordSaved");
      load();
    } catch (AccountRuleViolation refused) {
      String field = "password.currentWrong".equals(refused.code()) ? "current" : "newPassword";
      Messages.error(faces, "password:" + field, refused.code());
    }
  }

  public String getUsername() {
    return account.username();
  }

  public String getLoginAccount() {
    return account.loginAccount();
  }

  public String getCreatedAt() {
    return UTC.format(account.createdAt());
  }

  public String getPasswordChangedAt() {
    return UTC.format(account.passwordChangedAt());
  }

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
