package com.billingcenter.operations.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** RFC 6238, with its own test vectors (Appendix B, SHA1: the last six of its eight digits). */
class TotpTest {

  /** RFC 6238's SHA1 seed, "12345678901234567890", in Base32. */
  private static final String RFC_SECRET =
      new Base32().encodeToString("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @Test
  void theRfcsVectorsAreMet() {
    assertEquals("287082", Totp.code(RFC_SECRET, Instant.ofEpochSecond(59)));
    assertEquals("081804", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1111111109)));
    assertEquals("005924", Totp.code(RFC_SECRET, Instant.ofEpochSecond(1234567890)));
    assertEquals("279037", Totp.code(RFC_SECRET, Instant.ofEpochSecond(2000000000)));
  }

  @Test
  void aCodeIsTakenInItsStepOrOneApartAndNeverTwice() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = 1234567890 / 30;
    String code = Totp.code(RFC_SECRET, now);
    assertEquals(OptionalLong.of(step), Totp.verify(RFC_SECRET, code, now, 0));
    assertEquals(OptionalLong.of(step), Totp.verify(RFC_SECRET, code, now.plusSeconds(30), 0));
    assertEquals(OptionalLong.empty(), Totp.verify(RFC_SECRET, code, now.plusSeconds(90), 0));
    assertEquals(OptionalLong.empty(), Totp.verify(RFC_SECRET, code, now, step), "used once");
    assertEquals(OptionalLong.empty(), Totp.verify(RFC_SECRET, "12345", now, 0));
    assertEquals(OptionalLong.empty(), Totp.verify(RFC_SECRET, null, now, 0));
  }

  @Test
  void aNewSecretIs160BitsAndItsUriIsWhatAnAppReads() {
    String secret = Totp.newSecret();
    assertEquals(20, new Base32().decode(secret).length);
    String uri = Totp.uri("Billing Center", "jo", secret);
    assertTrue(uri.startsWith("otpauth://totp/Billing%20Center:jo?secret=" + secret), uri);
    assertTrue(uri.contains("&issuer=Billing%20Center&"), uri);
  }
}
