package com.billingcenter.account.web;

import com.billingcenter.platform.web.BillingAuthenticationMechanism;
import com.billingcenter.platform.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/** {@code login.xhtml}: user name (or account) and password. */
@Named
@RequestScoped
public class LoginView {

  static final String HOME = "/overview.xhtml";

  @Inject SecurityContext securityContext;
  @Inject FacesContext faces;

  private final AccountForm form = new AccountForm();

  public void login() throws IOException {
    ExternalContext external = faces.getExternalContext();
    switch (SignIn.withPassword(
        securityContext, external, form.getUsername(), form.getPassword())) {
      case SUCCESS -> external.redirect(external.getRequestContextPath() + afterLogin(external));
      case SEND_CONTINUE -> faces.responseComplete();
      default -> {
        if (external.getRequestMap().get(BillingAuthenticationMechanism.THROTTLED_UNTIL)
            instanceof Instant until) {
          long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds());
          if (seconds < 60) {
            Messages.error(faces, null, "login.throttled.seconds", seconds);
          } else {
            Messages.error(faces, null, "login.throttled", (seconds + 59) / 60);
          }
        } else {
          Messages.error(faces, null, "login.failed");
        }
      }
    }
  }

  private static String afterLogin(ExternalContext external) {
    HttpSession session = (HttpSession) external.getSession(true);
    Object page = session.getAttribute(BillingAuthenticationMechanism.AFTER_LOGIN);
    session.removeAttribute(BillingAuthenticationMechanism.AFTER_LOGIN);
    return pageAfterLogin(page);
  }

  /**
   * The page a sign-in leads to: the one remembered before it, if that is a path inside this
   * application (never "//host" or a full URL: no open redirect), else the Overview.
   */
  static String pageAfterLogin(Object remembered) {
    if (remembered instanceof String path
        && path.startsWith("/")
        && !path.startsWith("//")
        && !path.contains("\\")) {
      return path;
    }
    return HOME;
  }

  public AccountForm getForm() {
    return form;
  }
}
