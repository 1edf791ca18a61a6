package com.billingcenter.account.web;

import com.billingcenter.platform.web.Messages;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;

/**
 * The fields of every account form, each page using those it shows: a user name (or login account,
 * to sign in), the login account (an e-mail address), the current password, and a new password
 * typed twice. The registration page and the set-up page's first step show the fields that open an
 * account ({@code WEB-INF/includes/account-fields.xhtml}); the login page, the reset page and the
 * Account page show theirs.
 */
public class AccountForm implements Serializable {

  private static final long serialVersionUID = 1L;

  private String username;
  private String loginAccount;
  private String currentPassword;
  private String password;
  private String confirmation;

  /**
   * Whether both typings of the new password match; if not, says so at the confirmation field
   * ({@code confirmationClientId}) and the form goes no further.
   */
  public boolean confirmed(FacesContext faces, String confirmationClientId) {
    if (password != null && password.equals(confirmation)) {
      return true;
    }
    Messages.error(faces, confirmationClientId, "register.mismatch");
    return false;
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

  public String getCurrentPassword() {
    return currentPassword;
  }

  public void setCurrentPassword(String currentPassword) {
    this.currentPassword = currentPassword;
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
