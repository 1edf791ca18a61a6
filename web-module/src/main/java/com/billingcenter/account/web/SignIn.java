package com.billingcenter.account.web;

import jakarta.faces.context.ExternalContext;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a page's user in with a name and password, through the application's authentication
 * mechanism (its throttling and session included), as the login page and the set-up page's first
 * step do.
 */
public final class SignIn {

  private SignIn() {}

  public static AuthenticationStatus withPassword(
      SecurityContext security, ExternalContext external, String name, String password) {
    return security.authenticate(
        (HttpServletRequest) external.getRequest(),
        (HttpServletResponse) external.getResponse(),
        AuthenticationParameters.withParams()
            .newAuthentication(true)
            .credential(new UsernamePasswordCredential(name, password == null ? "" : password)));
  }
}
