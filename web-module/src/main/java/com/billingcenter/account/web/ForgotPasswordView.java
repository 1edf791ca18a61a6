package com.billingcenter.account.web;

import com.billingcenter.account.boundary.PasswordResets;
import com.billingcenter.platform.web.ClientAddress;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.RegistrationLimit;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code forgot-password.xhtml}: asks for a password reset link by user name or login account, and
 * says the same whether or not there is such an account.
 */
@Named
@RequestScoped
public class ForgotPasswordView {

  @Inject PasswordResets resets;
  @Inject FacesContext faces;
  @Inject Clock clock;

  private String name;
  private boolean sent;

  public void send() {
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    var refused =
        resets.request(name, ClientAddress.counted(request), faces.getViewRoot().getLocale());
    if (refused.isPresent()) {
      long seconds = Math.max(1, Duration.between(clock.instant(), refused.get()).toSeconds());
      Messages.error(faces, null, "forgot.throttled", RegistrationLimit.minutes(seconds));
      return;
    }
    sent = true;
    Messages.info(faces, "forgot.sent");
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isSent() {
    return sent;
  }
}
