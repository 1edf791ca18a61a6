package com.billingcenter.account.web;

import com.billingcenter.account.boundary.LoginVerifications;
import com.billingcenter.platform.web.LinkTokens;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code verify-email.xhtml}: the page the confirmation mail of a login e-mail address opens (its
 * {@code ?token=} moved to a cookie by {@link LinkTokens}); opening it confirms the address, once.
 */
@Named
@RequestScoped
public class VerifyEmailView {

  @Inject LoginVerifications verifications;

  private String username;

  /** The view action: confirms the address of the link's account, if the link still works. */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    username =
        LinkTokens.VERIFY_EMAIL
            .of((HttpServletRequest) faces.getExternalContext().getRequest())
            .flatMap(verifications::verify)
            .orElse(null);
  }

  /** The account whose address was confirmed, or null when the link did not work. */
  public String getUsername() {
    return username;
  }
}
