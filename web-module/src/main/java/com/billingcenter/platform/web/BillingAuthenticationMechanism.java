package com.billingcenter.platform.web;

import com.billingcenter.account.boundary.ApiTokens;
import com.billingcenter.account.control.LoginThrottles;
import com.billingcenter.account.entity.BillingAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows one per
 * application), with two faces:
 *
 * <ul>
 *   <li>{@code /api/*}: HTTP Basic on every call, or a customer's API token ({@code Authorization:
 *       Bearer bct_…}), no session; a missing or wrong credential gets 401 with a JSON body, never
 *       a login page.
 *   <li>pages: form login through {@link jakarta.security.enterprise.SecurityContext#authenticate}
 *       from the login page, the caller kept in the HTTP session as a sealed sign-in ({@link
 *       PageSignIns}); a protected page asked for without a session is redirected to the login page
 *       and shown after logging in.
 * </ul>
 *
 * The caller is kept as a plain session attribute instead of {@code @AutoApplySession}: a
 * replicated session (a cluster of Payara Micro instances, {@code <distributable/>}) carries
 * attributes to the next instance, but not the container's own record of the login, whose groups
 * were lost there (every page answered 403 on the other instances).
 *
 * <p>Which paths are protected is declared in {@code web.xml}.
 */
@ApplicationScoped
public class BillingAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Session attribute: the page to show after logging in (path and query inside this app). */
  public static final String AFTER_LOGIN = "billing.afterLogin";

  private static final Logger LOG =
      Logger.getLogger(BillingAuthenticationMechanism.class.getName());

  /** Request attribute: sign-ins are refused until this instant (for the login page). */
  public static final String THROTTLED_UNTIL = "billing.throttledUntil";

  @Inject IdentityStoreHandler identityStores;
  @Inject LoginThrottles throttles;
  @Inject PageSignIns pageSignIns;
  @Inject com.billingcenter.account.control.AccountIdentityStore accountStore;
  @Inject ApiTokens apiTokens;

  /** Request attribute: the scope of the API token the call came with (absent for a password). */
  public static final String TOKEN_SCOPE = "billing.tokenScope";

  private static final String BEARER = "Bearer ";

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    SecurityHeadersFilter.apply(request, response);
    if (isApi(request)) {
      return validateApiCall(request, response, context);
    }
    if (!context.isProtected() && isStaticResource(request)) {
      // Scripts, styles, fonts and the icon need no caller. Not even looking at the session here
      // matters in a cluster: a replicated session is written back at the end of every request
      // that read it, and these requests run alongside the page's own, on other instances, with
      // the session as it was before that page: they would overwrite the page's new view state.
      return context.doNothing();
    }
    if (!context.isAuthenticationRequest()) {
      var caller = pageSignIns.current(request);
      if (caller.isPresent()) {
        return context.notifyContainerAboutLogin(caller.get().name(), caller.get().groups());
      }
    }
    Credential credential =
        context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential c) {
      String address = ClientAddress.counted(request);
      // Counted as a failure before the password is checked; a right one takes it back.
      var admission = admit(c.getCaller(), address);
      if (admission.refusedUntil().isPresent()) {
        LOG.info(() -> "Refused a page login from " + address + " (throttled)");
        request.setAttribute(THROTTLED_UNTIL, admission.refusedUntil().get());
        return AuthenticationStatus.SEND_FAILURE;
      }
      CredentialValidationResult result = identityStores.validate(c);
      if (result.getStatus() != CredentialValidationResult.Status.VALID) {
        LOG.info(() -> "Refused a page login from " + address + " (wrong user name or password)");
        return AuthenticationStatus.SEND_FAILURE;
      }
      takeBack(c.getCaller(), address);
      // A new session id at login, so that a session id planted before login is worth nothing.
      if (request.getSession(false) != null) {
        request.changeSessionId();
      }
      pageSignIns.signIn(request, result.getCallerPrincipal().getName(), result.getCallerGroups());
      SessionCookies.harden(request, response);
      return context.notifyContainerAboutLogin(result);
    }
    if (context.isProtected() && !exists(request)) {
      // Unknown addresses are "not found" for everybody, logged in or not.
      return context.responseNotFound();
    }
    if (context.isProtected()) {
      rememberPage(request);
      return redirectToLogin(request, response, context);
    }
    return context.doNothing();
  }

  private AuthenticationStatus validateApiCall(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String authorization = request.getHeader("Authorization");
    if (authorization == null) {
      return context.isProtected()
          ? unauthorized(
              request, response, "Credentials are required (HTTP Basic, or a Bearer API token).")
          : context.doNothing();
    }
    if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return validateToken(
          authorization.substring(BEARER.length()).strip(), request, response, context);
    }
    var credentials = BasicCredentials.parse(authorization);
    if (credentials.isEmpty()) {
      return unauthorized(request, response, "The Authorization header is not valid HTTP Basic.");
    }
    String username = credentials.get().username();
    String address = ClientAddress.counted(request);
    var standing = throttles.standing(username, address);
    if (standing.refusedUntil().isPresent()) {
      RefusedRequestLog.log(LOG, request, 429, "too many failed sign-ins");
      return throttled(response, standing.refusedUntil().get());
    }
    var credential = new UsernamePasswordCredential(username, credentials.get().password());
    // A credential verified a moment ago is no guess, and costs no hash: it writes nothing. Any
    // other is counted as a failure before its password is checked, so parallel guesses cannot
    // all be checked.
    boolean recent = accountStore.recentlyVerified(credential);
    if (!recent) {
      var admission = admit(username, address);
      if (admission.refusedUntil().isPresent()) {
        RefusedRequestLog.log(LOG, request, 429, "too many failed sign-ins");
        return throttled(response, admission.refusedUntil().get());
      }
    }
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return unauthorized(request, response, "The user name or password is not correct.");
    }
    if (!recent || standing.counted()) {
      takeBack(username, address);
    }
    return context.notifyContainerAboutLogin(result);
  }

  /**
   * A customer's API token ({@link ApiTokens}): the caller it stands for, or 401 for one that is
   * unknown, expired or revoked (a token is 256 random bits: guessing is no use, so it is not
   * throttled); a read token's call that is not a {@code GET} or {@code HEAD} is 403. The token's
   * scope is left on the request ({@link #TOKEN_SCOPE}), for the calls no token may make.
   */
  private AuthenticationStatus validateToken(
      String value,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context) {
    var caller = apiTokens.caller(value);
    if (caller.isEmpty()) {
      return unauthorized(
          request, response, "The token is not valid (unknown, expired or revoked).");
    }
    boolean reading = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    if (caller.get().scope() == ApiTokens.Scope.READ && !reading) {
      RefusedRequestLog.log(LOG, request, 403, "a read token's write");
      try {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response
            .getWriter()
            .write(ApiErrors.json("token.readOnly", "This token may only read (GET)."));
      } catch (IOException e) {
        LOG.fine(() -> "Could not write the 403 body: " + e);
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
    request.setAttribute(TOKEN_SCOPE, caller.get().scope());
    return context.notifyContainerAboutLogin(
        caller.get().username(), Set.of(BillingAccount.CUSTOMER_ROLE));
  }

  /**
   * Admits an attempt ({@link LoginThrottles#admit}); when its rows cannot be held in time (many
   * attempts for one name or address at once: the database's lock wait ran out), the attempt is
   * refused for a second, as too many at once, rather than failed.
   */
  private LoginThrottles.Standing admit(String name, String address) {
    try {
      return throttles.admit(name, address);
    } catch (RuntimeException busy) {
      LOG.info(() -> "A sign-in was refused: its throttle rows are busy (" + busy + ")");
      return new LoginThrottles.Standing(Optional.of(Instant.now().plusSeconds(1)), true);
    }
  }

  /** A right password takes its count back; a failure to do so is logged, never the answer. */
  private void takeBack(String name, String address) {
    try {
      throttles.succeeded(name, address);
    } catch (RuntimeException e) {
      LOG.fine(() -> "A right sign-in's count was not taken back: " + e);
    }
  }

  private static AuthenticationStatus throttled(HttpServletResponse response, Instant until) {
    try {
      long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds());
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(seconds));
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response
          .getWriter()
          .write(
              ApiErrors.json(
                  "login.throttled",
                  "Too many failed sign-ins for this user name or from this address; try again in "
                      + (seconds < 60
                          ? seconds + " seconds."
                          : (seconds + 59) / 60 + " minutes.")));
    } catch (IOException e) {
      LOG.fine(() -> "Could not write the 429 body: " + e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static boolean exists(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.isEmpty() || "/".equals(path)) {
      return true;
    }
    try {
      return request.getServletContext().getResource(path) != null;
    } catch (java.net.MalformedURLException e) {
      return false;
    }
  }

  private static boolean isStaticResource(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/jakarta.faces.resource/")
        || path.startsWith("/resources/")
        || path.equals("/favicon.ico");
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  private static AuthenticationStatus unauthorized(
      HttpServletRequest request, HttpServletResponse response, String message) {
    RefusedRequestLog.log(LOG, request, 401, message);
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"Billing Center\", charset=\"UTF-8\"");
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(ApiErrors.json("unauthorized", message));
    } catch (IOException e) {
      LOG.fine(() -> "Could not write the 401 body: " + e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static void rememberPage(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) || isPartialRequest(request)) {
      return;
    }
    String page = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      page += "?" + request.getQueryString();
    }
    request.getSession().setAttribute(AFTER_LOGIN, page);
  }

  private static AuthenticationStatus redirectToLogin(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    SessionCookies.harden(request, response);
    String login = request.getContextPath() + "/login.xhtml";
    if (isPartialRequest(request)) {
      // An Ajax request after the session ended: tell Faces' JavaScript to navigate instead of
      // feeding it a login page as a partial response.
      try {
        response.setContentType("text/xml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response
            .getWriter()
            .write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + login
                    + "\"/></partial-response>");
      } catch (IOException e) {
        LOG.fine(() -> "Could not write the partial redirect: " + e);
      }
      return AuthenticationStatus.SEND_CONTINUE;
    }
    return context.redirect(login);
  }

  private static boolean isPartialRequest(HttpServletRequest request) {
    return "partial/ajax".equals(request.getHeader("Faces-Request"));
  }
}
