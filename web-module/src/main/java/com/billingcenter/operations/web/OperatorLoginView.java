package com.billingcenter.operations.web;

import com.billingcenter.account.control.LoginThrottles;
import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.platform.web.ClientAddress;
import com.billingcenter.platform.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The operators' sign-in: user name, password and the authenticator app's code. */
@Named
@RequestScoped
public class OperatorLoginView {

  @Inject Operators operators;
  @Inject LoginThrottles throttles;
  @Inject FacesContext faces;

  private String username;
  private String password;
  private String code;

  /**
   * Signs in, throttled as the customers' sign-in is (per operator name and address, the address,
   * the name; {@code billing.security.login.*}), under names of its own ({@code ops:}).
   */
  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    String name = "ops:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    String address = ClientAddress.counted((HttpServletRequest) external.getRequest());
    var admission = throttles.admit(name, address);
    if (admission.refusedUntil().isPresent()) {
      long seconds =
          Math.max(1, Duration.between(Instant.now(), admission.refusedUntil().get()).toSeconds());
      if (seconds < 60) {
        Messages.error(faces, null, "login.throttled.seconds", seconds);
      } else {
        Messages.error(faces, null, "login.throttled", (seconds + 59) / 60);
      }
      return;
    }
    var signIn = operators.signIn(username, password, code);
    if (signIn.isEmpty()) {
      Messages.error(faces, null, "ops.login.failed");
      return;
    }
    throttles.succeeded(name, address);
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
