package com.billingcenter.platform.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.Login;
import com.billingcenter.platform.web.SessionSignIns.SignedIn;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Page sign-ins in the HTTP session ({@link SessionSignIns}): made at login, checked on every page
 * request (seal, absolute lifetime, the account's last password change, read from the database so
 * that every instance agrees), and signed again for the session that changed the password.
 */
@ApplicationScoped
public class PageSignIns {

  private static final Logger LOG = Logger.getLogger(PageSignIns.class.getName());

  /** Session attribute: the signed-in caller ({@link SignedIn}). */
  static final String SIGNED_IN = "billing.signedIn";

  @Inject Accounts accounts;
  @Inject Clock clock;

  private SessionSignIns signIns;
  private Duration idleTimeout;

  @PostConstruct
  void init() {
    var config = ConfigProvider.getConfig();
    idleTimeout =
        config
            .getOptionalValue("billing.security.session.idle-timeout", Duration.class)
            .orElse(Duration.ofMinutes(30));
    signIns =
        SessionSignIns.of(
            config.getOptionalValue("billing.security.session-key", String.class),
            config
                .getOptionalValue("billing.security.session.absolute-lifetime", Duration.class)
                .orElse(Duration.ofHours(12)));
  }

  /**
   * Keeps the sign-in of {@code name} in the request's session (its id already renewed), which ends
   * after {@code billing.security.session.idle-timeout} without a request.
   */
  public void signIn(HttpServletRequest request, String name, Set<String> groups) {
    Login account = login(name);
    HttpSession session = request.getSession();
    session.setMaxInactiveInterval((int) Math.max(1, idleTimeout.toSeconds()));
    session.setAttribute(
        SIGNED_IN,
        signIns.signIn(
            name, groups, session.getId(), clock.instant(), account.passwordChangedAt()));
  }

  /**
   * The request's sign-in, if it still holds; one that no longer does ends its session (a changed
   * password, the absolute lifetime over, or a seal that is not ours).
   */
  public Optional<SignedIn> current(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn)) {
      return Optional.empty();
    }
    // A removed member has no login any more: their sessions end here, at their next request.
    Optional<Login> account = accounts.findLogin(signedIn.name());
    if (signIns.holds(
        signedIn, session.getId(), clock.instant(), account.map(Login::passwordChangedAt))) {
      return Optional.of(signedIn);
    }
    LOG.info(() -> "A page session ended: its sign-in no longer holds (" + signedIn.name() + ")");
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyOver) {
      // Invalidated meanwhile.
    }
    return Optional.empty();
  }

  /**
   * After this session changed the account's password: its sign-in is made again with the new
   * change, so that only the other sessions end. Keeps the moment of the first sign-in (the
   * absolute lifetime still counts from there).
   */
  public void afterPasswordChange(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn)) {
      return;
    }
    Login account = login(signedIn.name());
    SignedIn renewed =
        signIns.signIn(
            signedIn.name(),
            signedIn.groups(),
            session.getId(),
            signedIn.signedInAt(),
            account.passwordChangedAt());
    session.setAttribute(SIGNED_IN, renewed);
  }

  private Login login(String name) {
    return accounts
        .findLogin(name)
        .orElseThrow(() -> new IllegalStateException("No login " + name));
  }
}
