package com.billingcenter.operations.web;

import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * A new operator's set-up from the one-time link: the secret for the authenticator app (as text and
 * as an {@code otpauth://} link), a password, and the app's code to prove it was added; then the
 * recovery codes, shown this once.
 */
@Named
@ViewScoped
public class OperatorSetupView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Operators operators;

  private String token;
  private Operators.Setup setup;
  private String password;
  private String code;
  private List<String> recoveryCodes = List.of();

  /** Reads the link's set-up, once, when the page opens. */
  public void load() {
    if (setup == null && recoveryCodes.isEmpty()) {
      setup = Optional.ofNullable(token).flatMap(t -> operators.setup(t)).orElse(null);
    }
  }

  public void complete() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      recoveryCodes = operators.completeSetup(token, password, code);
      setup = null;
    } catch (RuleViolation e) {
      Messages.error(faces, null, e.code().startsWith("password.") ? e.code() : "ops." + e.code());
    }
  }

  public boolean isOpen() {
    return setup != null;
  }

  public Operators.Setup getSetup() {
    return setup;
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  public String getToken() {
    return token;
  }

  public void setToken(String token) {
    this.token = token;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }
}
