package com.billingcenter.account.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.RegistrationLimit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code register.xhtml}: opens a Billing Center account, then sends the user to log in. */
@Named
@RequestScoped
public class RegisterView {

  @Inject Accounts accounts;
  @Inject RegistrationLimit registrationLimit;
  @Inject FacesContext faces;

  private final AccountForm form = new AccountForm();

  public String register() {
    if (!form.confirmed(faces, "register:confirmation") || registrationLimit.refusedOnPage(faces)) {
      return null;
    }
    try {
      accounts.register(form.getUsername(), form.getLoginAccount(), form.getPassword());
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

  public AccountForm getForm() {
    return form;
  }
}
