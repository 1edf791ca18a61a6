package com.billingcenter.account.web;

import com.billingcenter.platform.web.Messages;
import jakarta.faces.context.FacesContext;
import java.io.Serializable;

/** A new password typed twice, as every form that sets one has it. */
public class NewPassword implements Serializable {

  private static final long serialVersionUID = 1L;

  private String password;
  private String confirmation;

  /**
   * Whether both typings match; if not, says so at the confirmation field ({@code
   * confirmationClientId}) and the form goes no further.
   */
  public boolean confirmed(FacesContext faces, String confirmationClientId) {
    if (password != null && password.equals(confirmation)) {
      return true;
    }
    Messages.error(faces, confirmationClientId, "register.mismatch");
    return false;
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
