package com.billingcenter.account.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.platform.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code register.xhtml}: opens a Billing Center account, then sends the user to log in. */
@Named
@RequestScoped
public class RegisterView {

  @Inject Accounts accounts;
  @Inject com.billingcenter.platform.web.RegistrationLimit registrationLimit;
  @Inject FacesContext faces;

  private String username;
  private String loginAccount;
  private String password;
  private String confirmation;

  public String register() {
    if (password == null || !password.equals(confirmation)) {
      Messages.error(faces, "register:confirmation", "register.mismatch");
      return null;
    }
    if (registrationLimit.refusedOnPage(faces)) {
      return null;
    }
    try {
      accounts.register(username, loginAccount, password);
    } catch (AccountRuleViolation refused) {
      Messages.error(faces, fieldOf(refused.code()), refused.code());
      return null;
    }
    faces.getExternalContext().getFlash().setKeepMessages(true);
    Messages.info(faces, "login.registered");
    return "/login.xhtml?faces-redirect=true";
  }

  private static String fieldOf(String code) {
    return "register:" + code.substring(0, code.indexOf('.'));
  }

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

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirmation() {
    return confirmation;
  }

  public void setConfirmation(String confirmation) {
    this.confirmation = confirmation;
  }
}
