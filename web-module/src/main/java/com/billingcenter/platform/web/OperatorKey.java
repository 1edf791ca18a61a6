package com.billingcenter.platform.web;

import com.billingcenter.operations.boundary.OperatorTokens;
import com.billingcenter.operations.boundary.Operators;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who calls the operations endpoints ({@code X-Operator-Key}): an operator by one of their own API
 * tokens ({@code opk_…}, {@link OperatorTokens}), with their role, or anyone holding the shared key
 * ({@code billing.operator.key}, at least 16 characters), which acts and is logged as deprecated
 * (at most once an hour). Without a configured key only tokens are answered.
 */
@ApplicationScoped
public class OperatorKey {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(OperatorKey.class.getName());

  public static final String HEADER = "X-Operator-Key";

  @Inject
  @ConfigProperty(name = "billing.operator.key")
  Optional<String> key;

  @Inject OperatorTokens tokens;

  private final AtomicReference<Instant> deprecationLogged = new AtomicReference<>(Instant.EPOCH);

  /** Who calls: the audit log's actor, and whether they may act (an auditor's token only reads). */
  public record Caller(String actor, boolean acting) {}

  /** The caller this key or token names, if any. */
  public Optional<Caller> caller(String given) {
    if (given != null && given.startsWith(OperatorTokens.PREFIX)) {
      return tokens
          .operator(given)
          .map(o -> new Caller(o.actor(), o.role() == Operators.Role.OPERATOR));
    }
    if (!sharedKey(given)) {
      return Optional.empty();
    }
    Instant last = deprecationLogged.get();
    Instant now = Instant.now();
    if (last.plus(Duration.ofHours(1)).isBefore(now)
        && deprecationLogged.compareAndSet(last, now)) {
      LOG.warning(
          "The shared operator key (billing.operator.key) was used: it is deprecated for the"
              + " operations API; operators make API tokens of their own at /ops/tokens.xhtml.");
    }
    return Optional.of(new Caller("operator-key", true));
  }

  /** Whether the caller may read the operations endpoints. */
  public boolean matches(String given) {
    return caller(given).isPresent();
  }

  /** The caller, when they may act (not an auditor's token). */
  public Optional<Caller> acting(String given) {
    return caller(given).filter(Caller::acting);
  }

  private boolean sharedKey(String given) {
    if (key.isEmpty() || key.get().length() < 16 || given == null || given.length() > 512) {
      return false;
    }
    return MessageDigest.isEqual(
        key.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** The answer to a call without the right key: 401, the same JSON body everywhere, logged. */
  public static jakarta.ws.rs.core.Response refused(String what) {
    LOG.info(() -> "Refused " + what + ": missing or wrong operator key");
    return jakarta.ws.rs.core.Response.status(401)
        .type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)
        .entity(ApiErrors.json("operator.unauthorized", "X-Operator-Key is missing or wrong."))
        .build();
  }
}
