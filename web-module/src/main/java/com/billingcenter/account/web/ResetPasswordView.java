package com.billingcenter.account.web;

import com.billingcenter.account.boundary.PasswordResets;
import com.billingcenter.account.control.LoginThrottles;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.ClientAddress;
import com.billingcenter.platform.web.LinkCookie;
import com.billingcenter.platform.web.LinkTokens;
import com.billingcenter.platform.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code reset-password.xhtml}: the page a reset mail opens (its {@code ?token=} moved to a cookie
 * by {@link LinkTokens}). A new password, entered twice, replaces the old one; the link is then
 * used up, every session of the account ends (this browser's too), and the customer signs in with
 * the new password.
 */
@Named
@ViewScoped
public class ResetPasswordView extends MailedLinkForm {

  private static final long serialVersionUID = 1L;

  @Inject PasswordResets resets;
  @Inject LoginThrottles throttles;

  private String username;

  @Override
  protected LinkCookie cookie() {
    return LinkTokens.RESET;
  }

  @Override
  protected void opened(String token) {
    username = token == null ? null : resets.accountOf(token).orElse(null);
  }

  public void reset() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!getForm().confirmed(faces, "reset:confirmation")) {
      return;
    }
    String address =
        ClientAddress.counted((HttpServletRequest) faces.getExternalContext().getRequest());
    String name;
    try {
      name = resets.reset(token, getForm().getPassword(), address).username();
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
      if ("link.invalid".equals(refused.code())) {
        username = null;
      }
      return;
    }
    // The mailbox's owner signs in from here next: failed guesses that led to the reset no longer
    // hold this address back.
    try {
      throttles.succeeded(name, address);
    } catch (RuntimeException ignored) {
      // only a convenience
    }
    // Every session of the account ends with the reset, this browser's too.
    ((HttpSession) faces.getExternalContext().getSession(true)).invalidate();
    toLogin(faces, "reset.done");
  }

  public String getUsername() {
    return username;
  }
}
