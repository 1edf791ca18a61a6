package com.billingcenter.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user name and password of an HTTP Basic {@code Authorization} header (RFC 7617). */
record BasicCredentials(String username, String password) {

  private static final int MAX_HEADER_LENGTH = 2048;

  static Optional<BasicCredentials> parse(String authorization) {
    if (authorization == null
        || authorization.length() > MAX_HEADER_LENGTH
        || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return Optional.empty();
    }
    return Optional.of(
        new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
  }

  @Override
  public String toString() {
    return "BasicCredentials[" + username + "]";
  }
}
