package com.billingcenter.platform.web;

import com.billingcenter.account.control.LoginThrottles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Registrations per client address ({@code billing.security.registration.max-per-address} within
 * {@code …window}), counted on every way in: the API, the registration page and the set-up page. It
 * bounds how fast one address can open accounts, or probe which names are taken.
 */
@ApplicationScoped
public class RegistrationLimit {

  private static final Logger LOG = Logger.getLogger(RegistrationLimit.class.getName());

  @Inject LoginThrottles throttles;
  @Inject Clock clock;

  /** Counts a registration from the request's client; if refused, in how many seconds to retry. */
  public Optional<Long> refusedFor(HttpServletRequest request) {
    String address = ClientAddress.counted(request);
    Optional<java.time.Instant> refused;
    try {
      refused = throttles.admitRegistration(address);
    } catch (RuntimeException busy) {
      // Many registrations from one address at once (the count's row is held): one too many.
      return Optional.of(1L);
    }
    return refused.map(
        until -> {
          LOG.info(() -> "Refused a registration from " + address + " (too many)");
          return Math.max(1, Duration.between(clock.instant(), until).toSeconds());
        });
  }

  /**
   * Counts a registration from a page's client; if it is one too many, says so on the page (with
   * the minutes to wait) and answers true.
   */
  public boolean refusedOnPage(jakarta.faces.context.FacesContext faces) {
    var tooMany = refusedFor((HttpServletRequest) faces.getExternalContext().getRequest());
    tooMany.ifPresent(
        seconds -> Messages.error(faces, null, "registration.throttled", minutes(seconds)));
    return tooMany.isPresent();
  }

  /** The refusal in words: minutes, rounded up. */
  public static long minutes(long seconds) {
    return Math.max(1, (seconds + 59) / 60);
  }
}
