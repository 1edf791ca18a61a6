package com.billingcenter.account.control;

import com.billingcenter.account.entity.LoginThrottle;
import jakarta.ejb.Schedule;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The rules of {@link LoginThrottles}, each in one transaction that holds its rows for update in
 * key order and uses one connection only: the rows already exist ({@link LoginThrottles} creates
 * them first), so that no transaction holding a row waits for a second connection while many
 * attempts at once hold the others (fifty parallel guesses on PostgreSQL hung the server that way).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class LoginThrottleCounts {

  private static final Logger LOG = Logger.getLogger(LoginThrottleCounts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "billing.security.login.max-failures-per-pair", defaultValue = "5")
  int perPair;

  @Inject
  @ConfigProperty(name = "billing.security.login.max-failures-per-address", defaultValue = "20")
  int perAddress;

  @Inject
  @ConfigProperty(name = "billing.security.login.free-failures-per-name", defaultValue = "5")
  int freePerName;

  @Inject
  @ConfigProperty(name = "billing.security.login.max-delay", defaultValue = "PT30S")
  Duration maxDelay;

  @Inject
  @ConfigProperty(name = "billing.security.login.known-for", defaultValue = "P30D")
  Duration knownFor;

  @Inject
  @ConfigProperty(name = "billing.security.login.window", defaultValue = "PT15M")
  Duration window;

  @Inject
  @ConfigProperty(name = "billing.security.login.block", defaultValue = "PT15M")
  Duration block;

  @Inject
  @ConfigProperty(name = "billing.security.registration.max-per-address", defaultValue = "10")
  int registrationsPerAddress;

  @Inject
  @ConfigProperty(name = "billing.security.registration.window", defaultValue = "PT1H")
  Duration registrationWindow;

  @Inject
  @ConfigProperty(name = "billing.security.password-reset.max-per-address", defaultValue = "5")
  int resetsPerAddress;

  /** Looks the counts up without writing anything (every API call asks). */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public LoginThrottles.Standing standing(String name, String address) {
    Instant now = clock.instant();
    Map<String, LoginThrottle> found =
        em
            .createNamedQuery(LoginThrottle.BY_KEYS, LoginThrottle.class)
            .setParameter("keys", keys(name, address))
            .getResultList()
            .stream()
            .collect(Collectors.toMap(LoginThrottle::key, t -> t));
    return standing(name, address, found, now);
  }

  /**
   * Admits one attempt with this name from this address, counting it as failed until {@link
   * #succeeded}; or refuses it, counting nothing. The rows are held for update in key order, so
   * that parallel attempts are admitted one by one on every instance.
   */
  public LoginThrottles.Standing admit(String name, String address) {
    Instant now = clock.instant();
    // In key order (address, name, pair) on every path, so that two attempts never wait on each
    // other's rows. The known address is only read: a row made for it would make it known.
    Map<String, LoginThrottle> held = new HashMap<>();
    for (String key : counted(name, address)) {
      held.put(key, hold(key, now));
    }
    String knownKey = LoginThrottle.knownKey(name, address);
    LoginThrottle known = em.find(LoginThrottle.class, knownKey);
    if (known != null) {
      held.put(knownKey, known);
    }
    LoginThrottles.Standing standing = standing(name, address, held, now);
    if (standing.refusedUntil().isPresent()) {
      return standing;
    }
    held.get(LoginThrottle.pairKey(name, address)).failed(now, perPair, window, block);
    held.get(LoginThrottle.addressKey(address)).failed(now, perAddress, window, block);
    if (!known(known, now)) {
      held.get(LoginThrottle.nameKey(name)).failedWithDelay(now, freePerName, window, maxDelay);
    }
    held.values().stream()
        .filter(t -> t.refusedAt(now).isPresent())
        .forEach(
            t -> LOG.warning(() -> "Sign-ins held back after repeated failures (" + kind(t) + ")"));
    return new LoginThrottles.Standing(Optional.empty(), true);
  }

  /**
   * A right password: the pair and the name start afresh, the address takes its count back, and the
   * address becomes one the name signed in from.
   */
  public void succeeded(String name, String address) {
    Instant now = clock.instant();
    String byAddress = LoginThrottle.addressKey(address);
    for (String key : counted(name, address)) {
      LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
      if (throttle == null) {
        continue;
      }
      if (key.equals(byAddress)) {
        throttle.wasRight(perAddress);
      } else {
        em.remove(throttle);
      }
    }
    hold(LoginThrottle.knownKey(name, address), now).signedIn(now);
  }

  /**
   * Counts a registration from this address, or refuses it (until when) once {@code
   * billing.security.registration.max-per-address} were made within {@code …window} (which password
   * resets share).
   */
  public Optional<Instant> admitRegistration(String address) {
    return admitPerAddress(LoginThrottle.registrationKey(address), registrationsPerAddress);
  }

  /**
   * Counts a password reset request from this address, or refuses it (until when) once {@code
   * billing.security.password-reset.max-per-address} were made within an hour.
   */
  public Optional<Instant> admitPasswordReset(String address) {
    return admitPerAddress(LoginThrottle.passwordResetKey(address), resetsPerAddress);
  }

  private Optional<Instant> admitPerAddress(String key, int limit) {
    Instant now = clock.instant();
    LoginThrottle throttle = hold(key, now);
    Optional<Instant> refused = throttle.refusedAt(now);
    if (refused.isEmpty()) {
      throttle.failed(now, limit, registrationWindow, registrationWindow);
    }
    return refused;
  }

  /** Forgets counts whose time is over, and known addresses older than {@code …known-for}. */
  @Schedule(hour = "*", minute = "17", persistent = false)
  public void purge() {
    Instant now = clock.instant();
    Duration longest = window.compareTo(registrationWindow) > 0 ? window : registrationWindow;
    int counts =
        em.createNamedQuery(LoginThrottle.PURGE_COUNTS)
            .setParameter("before", now.minus(longest))
            .setParameter("now", now)
            .executeUpdate();
    int known =
        em.createNamedQuery(LoginThrottle.PURGE_KNOWN)
            .setParameter("before", now.minus(knownFor))
            .executeUpdate();
    if (counts + known > 0) {
      LOG.fine(() -> "Purged " + counts + " sign-in counts and " + known + " known addresses");
    }
  }

  private LoginThrottles.Standing standing(
      String name, String address, Map<String, LoginThrottle> found, Instant now) {
    boolean known = known(found.get(LoginThrottle.knownKey(name, address)), now);
    Optional<Instant> refused = Optional.empty();
    boolean counted = false;
    for (LoginThrottle throttle : found.values()) {
      if (throttle == null || throttle.key().startsWith("known:")) {
        continue;
      }
      boolean byName = throttle.key().startsWith("name:");
      // A row with nothing counted (an address after a right password) asks for no write.
      counted |= throttle.counts();
      if (byName && known) {
        continue;
      }
      Optional<Instant> until = throttle.refusedAt(now);
      if (until.isPresent() && (refused.isEmpty() || until.get().isAfter(refused.get()))) {
        refused = until;
      }
    }
    return new LoginThrottles.Standing(refused, counted);
  }

  private boolean known(LoginThrottle known, Instant now) {
    return known != null && known.knownAt(now, knownFor);
  }

  /**
   * The row of {@code key}, held for update until the transaction ends. {@link LoginThrottles} made
   * it beforehand; should the purge have taken it since, it is made here (a parallel attempt making
   * it too fails, and is refused for a moment as one of many at once).
   */
  private LoginThrottle hold(String key, Instant now) {
    LoginThrottle throttle = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (throttle == null) {
      throttle = new LoginThrottle(key, now);
      em.persist(throttle);
      em.flush();
    }
    return throttle;
  }

  private static List<String> keys(String name, String address) {
    return List.of(
        LoginThrottle.pairKey(name, address),
        LoginThrottle.nameKey(name),
        LoginThrottle.addressKey(address),
        LoginThrottle.knownKey(name, address));
  }

  /** The keys an attempt counts against, in the order their rows are held. */
  static List<String> counted(String name, String address) {
    return java.util.stream.Stream.of(
            LoginThrottle.addressKey(address),
            LoginThrottle.nameKey(name),
            LoginThrottle.pairKey(name, address))
        .sorted()
        .toList();
  }

  private static String kind(LoginThrottle throttle) {
    String key = throttle.key();
    return key.startsWith("address:")
        ? key
        : key.substring(0, key.indexOf(':')) + " of a user name";
  }
}
