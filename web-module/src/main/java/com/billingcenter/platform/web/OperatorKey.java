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
}
