package com.billingcenter.account.control;

import com.billingcenter.account.entity.LoginThrottle;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing, the same on every instance (the counts are in the database): after
 * {@code billing.security.login.max-failures-per-name} failed sign-ins with one user name, or
 * {@code …-per-address} from one address, within {@code billing.security.login.window}, sign-ins
 * with that name or from that address are refused for {@code billing.security.login.block}, before
 * any password is checked.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginThrottles {

  private static final Logger LOG = Logger.getLogger(LoginThrottles.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.security.login.max-failures-per-name", defaultValue = "5")
  int perName;

  @Inject
  @ConfigProperty(name = "billing.security.login.max-failures-per-address", defaultValue = "20")
  int perAddress;

  @Inject
  @ConfigProperty(name = "billing.security.login.window", defaultValue = "PT15M")
  Duration window;

  @Inject
  @ConfigProperty(name = "billing.security.login.block", defaultValue = "PT15M")
  Duration block;

  /**
   * Where a sign-in with this name from this address stands: refused until when, if it is now, and
   * whether the name has failures counted (only then does a success need to clear them).
   */
  public record Standing(Optional<Instant> blockedUntil, boolean nameCounted) {}

  /** Looks both counts up at once (every API call asks). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Standing standing(String name, String address) {
    Instant now = clock.instant();
    String nameKey = LoginThrottle.nameKey(name);
    Optional<Instant> blocked = Optional.empty();
    boolean nameCounted = false;
    for (LoginThrottle throttle :
        em.createNamedQuery(LoginThrottle.BY_KEYS, LoginThrottle.class)
            .setParameter("keys", List.of(nameKey, LoginThrottle.addressKey(address)))
            .getResultList()) {
      nameCounted |= throttle.key().equals(nameKey);
      Optional<Instant> until = throttle.blockedAt(now);
      if (until.isPresent() && (blocked.isEmpty() || until.get().isAfter(blocked.get()))) {
        blocked = until;
      }
    }
    return new Standing(blocked, nameCounted);
  }

  /** Counts a failed sign-in against the name and the address. */
  public void failed(String name, String address) {
    Instant now = clock.instant();
    count(LoginThrottle.nameKey(name), perName, now);
    count(LoginThrottle.addressKey(address), perAddress, now);
  }

  private void count(String key, int limit, Instant now) {
    LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (throttle == null) {
      throttle = new LoginThrottle(key, now);
      em.persist(throttle);
    }
    throttle.failed(now, limit, window, block);
    if (throttle.blockedAt(now).isPresent()) {
      LOG.warning(
          () ->
              "Sign-ins refused for "
                  + block
                  + " after repeated failures ("
                  + (key.startsWith("name:") ? "a user name" : key)
                  + ")");
    }
  }

  /** A successful sign-in clears the name's count (not the address's). */
  public void succeeded(String name) {
    LoginThrottle throttle = em.find(LoginThrottle.class, LoginThrottle.nameKey(name));
    if (throttle != null) {
      em.remove(throttle);
    }
  }
}
