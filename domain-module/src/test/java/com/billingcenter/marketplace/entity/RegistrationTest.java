package com.billingcenter.marketplace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.platform.entity.RuleViolation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RegistrationTest {

  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void referenceIsUnguessableAndWellFormed() {
    Registration a = Registration.open(1, Duration.ofHours(1), at(T0));
    Registration b = Registration.open(1, Duration.ofHours(1), at(T0));
    assertNotEquals(a.reference(), b.reference());
    assertEquals(43, a.reference().length(), "256 random bits in URL-safe base64");
    assertTrue(Registration.isWellFormed(a.reference()));
    assertFalse(Registration.isWellFormed("x"));
    assertFalse(Registration.isWellFormed(a.reference() + "'"));
    assertFalse(Registration.isWellFormed(null));
  }

  @Test
  void referenceIsUsedOnceByOneAccount() {
    Registration registration = Registration.open(1, Duration.ofHours(1), at(T0));
    registration.use(7, at(T0.plusSeconds(60)));
    assertEquals(7L, registration.usedBy());
    var again =
        assertThrows(RuleViolation.class, () -> registration.use(7, at(T0.plusSeconds(61))));
    assertEquals("registration.used", again.code());
    var other =
        assertThrows(RuleViolation.class, () -> registration.use(8, at(T0.plusSeconds(62))));
    assertEquals("registration.used", other.code());
    assertEquals(7L, registration.usedBy(), "the refusal changed nothing");
  }

  @Test
  void referenceExpires() {
    Registration registration = Registration.open(1, Duration.ofHours(1), at(T0));
    var expired =
        assertThrows(
            RuleViolation.class, () -> registration.use(7, at(T0.plus(Duration.ofHours(1)))));
    assertEquals("registration.expired", expired.code());
    registration.use(7, at(T0.plus(Duration.ofMinutes(59))));
  }
}
