package com.billingcenter.operations.web;

import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.platform.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The operators' sign-in: user name, password and the authenticator app's code. */
@Named
@RequestScoped
public class OperatorLoginView {

  @Inject Operators operators;
  @Inject FacesContext faces;

  private String username;
  private String password;
  private String code;

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    var signIn = operators.signIn(username, password, code);
    if (signIn.isEmpty()) {
      Messages.error(faces, null, "ops.login.failed");
      return;
    }
    OperatorCookie.set(
        (HttpServletRequest) external.getRequest(),
        (HttpServletResponse) external.getResponse(),
        signIn.get().token());
    external.redirect(external.getRequestContextPath() + "/ops/index.xhtml");
  }

  public void logout() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    OperatorCookie.token(request).ifPresent(operators::signOut);
    OperatorCookie.clear(request, (HttpServletResponse) external.getResponse());
    external.redirect(external.getRequestContextPath() + OperatorFilter.LOGIN);
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
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
