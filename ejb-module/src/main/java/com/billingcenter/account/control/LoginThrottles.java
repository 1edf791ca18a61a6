package com.billingcenter.account.control;

import com.billingcenter.account.entity.LoginThrottle;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Slows down password guessing, the same on every instance (the counts are rows in the database),
 * without letting strangers lock an account's owner out:
 *
 * <ul>
 *   <li>one user name from one address: {@code billing.security.login.max-failures-per-pair}
 *       failures within {@code billing.security.login.window} refuse that pair for {@code
 *       billing.security.login.block};
 *   <li>one address, whatever the names: {@code …max-failures-per-address}, the same way;
 *   <li>one user name from anywhere: never refused outright; after {@code …free-failures-per-name}
 *       failures each attempt must wait a delay that doubles from 1 s up to {@code …max-delay}. An
 *       address the name signed in from within {@code …known-for} does not wait.
 * </ul>
 *
 * <p>An attempt is counted as failed before its password is checked ({@link #admit}: the rows are
 * locked, checked and counted in one transaction), so parallel guesses cannot pass the limits; a
 * right password takes its count back ({@link #succeeded}).
 *
 * <p>Each entry point first makes the rows it needs that are missing, each in a transaction of its
 * own and holding nothing else, then runs the rule ({@link LoginThrottleCounts}) in one transaction
 * on one connection. A transaction that held a row while it waited for a second connection to make
 * another could wait for ever behind the many attempts holding the pool's other connections.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginThrottles {

  private static final Logger LOG = Logger.getLogger(LoginThrottles.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject LoginThrottleRows rows;
  @Inject LoginThrottleCounts counts;

  /**
   * Where sign-ins with this name from this address stand: refused until when, if they are now, and
   * whether anything is counted that a right password should take back.
   */
  public record Standing(Optional<Instant> refusedUntil, boolean counted) {}

  /** Looks the counts up without writing anything (every API call asks). */
  public Standing standing(String name, String address) {
    return counts.standing(name, address);
  }

  /**
   * Admits one attempt with this name from this address, counting it as failed until {@link
   * #succeeded}; or refuses it, counting nothing.
   */
  public Standing admit(String name, String address) {
    made(LoginThrottleCounts.counted(name, address));
    return counts.admit(name, address);
  }

  /**
   * A right password: the pair and the name start afresh, the address takes its count back, and the
   * address becomes one the name signed in from.
   */
  public void succeeded(String name, String address) {
    made(List.of(LoginThrottle.knownKey(name, address)));
    counts.succeeded(name, address);
  }

  /**
   * Counts a registration from this address, or refuses it (until when) once {@code
   * billing.security.registration.max-per-address} were made within {@code …window}.
   */
  public Optional<Instant> admitRegistration(String address) {
    made(List.of(LoginThrottle.registrationKey(address)));
    return counts.admitRegistration(address);
  }

  /**
   * Counts a password reset request from this address, or refuses it (until when) once {@code
   * billing.security.password-reset.max-per-address} were made within an hour.
   */
  public Optional<Instant> admitPasswordReset(String address) {
    made(List.of(LoginThrottle.passwordResetKey(address)));
    return counts.admitPasswordReset(address);
  }

  /** Makes the rows of these keys that do not exist yet; another attempt may make one first. */
  private void made(List<String> keys) {
    Set<String> missing = new HashSet<>(keys);
    em
        .createNamedQuery(LoginThrottle.BY_KEYS, LoginThrottle.class)
        .setParameter("keys", keys)
        .getResultList()
        .stream()
        .map(LoginThrottle::key)
        .forEach(missing::remove);
    Instant now = clock.instant();
    missing.stream()
        .sorted()
        .forEach(
            key -> {
              try {
                rows.createIfMissing(key, now);
              } catch (EJBException createdElsewhere) {
                LOG.fine(() -> "A throttle row was made by another attempt: " + createdElsewhere);
              }
            });
  }
}
