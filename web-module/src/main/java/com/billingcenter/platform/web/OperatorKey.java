package com.billingcenter.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operators' key ({@code billing.operator.key}, at least 16 characters), sent as {@code
 * X-Operator-Key} to the operations endpoints. Without a configured key those endpoints answer no
 * one.
 */
@ApplicationScoped
public class OperatorKey {

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(OperatorKey.class.getName());

  public static final String HEADER = "X-Operator-Key";

  @Inject
  @ConfigProperty(name = "billing.operator.key")
  Optional<String> key;

  public boolean matches(String given) {
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
