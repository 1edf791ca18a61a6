package com.billingcenter.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String header(String userAndPassword) {
    return "Basic "
        + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void userNameAndPasswordAreSplitAtTheFirstColon() {
    var parsed = BasicCredentials.parse(header("ann:pa:ss:word")).orElseThrow();
    assertEquals("ann", parsed.username());
    assertEquals("pa:ss:word", parsed.password());
  }

  @Test
  void utf8PasswordsSurvive() {
    assertEquals("密码2026", BasicCredentials.parse(header("ann:密码2026")).orElseThrow().password());
  }

  @Test
  void schemeIsCaseInsensitive() {
    assertTrue(BasicCredentials.parse("basic " + header("a:b").substring(6)).isPresent());
  }

  @Test
  void malformedHeadersAreNoCredentials() {
    assertTrue(BasicCredentials.parse(null).isEmpty());
    assertTrue(BasicCredentials.parse("Bearer abc").isEmpty());
    assertTrue(BasicCredentials.parse("Basic %%%").isEmpty());
    assertTrue(BasicCredentials.parse(header("no-colon")).isEmpty());
    assertTrue(BasicCredentials.parse(header(":empty-user")).isEmpty());
    assertTrue(BasicCredentials.parse("Basic " + "A".repeat(5000)).isEmpty());
  }

  @Test
  void credentialsNeverPrintThePassword() {
    var parsed = BasicCredentials.parse(header("ann:secret-2026")).orElseThrow();
    assertTrue(!parsed.toString().contains("secret-2026"));
  }
}
