package com.billingcenter.account.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;

/** Who is logged in, for the page header, and logging out. */
@Named
@RequestScoped
public class SessionView {

  @Inject FacesContext faces;

  public boolean isLoggedIn() {
    return faces.getExternalContext().getUserPrincipal() != null;
  }

  public String getUsername() {
    Principal principal = faces.getExternalContext().getUserPrincipal();
    return principal == null ? "" : principal.getName();
  }

  public void logout() throws ServletException, IOException {
    ExternalContext external = faces.getExternalContext();
    ((HttpServletRequest) external.getRequest()).logout();
    external.invalidateSession();
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }
}
