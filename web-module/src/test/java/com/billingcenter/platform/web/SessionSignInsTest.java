package com.billingcenter.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.platform.web.SessionSignIns.SignedIn;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionSignInsTest {

  private static final Instant T0 = Instant.parse("2026-12-03T10:00:00.123456789Z");
  private static final Instant CHANGED = Instant.parse("2026-11-01T08:00:00.654321Z");
  private static final Duration LIFETIME = Duration.ofHours(12);
  private static final SessionSignIns SIGN_INS =
      new SessionSignIns(
          "a key the instances share, 32+ chars".getBytes(StandardCharsets.UTF_8), LIFETIME);

  private final SignedIn ann = SIGN_INS.signIn("ann", Set.of("customer"), "session-1", T0, CHANGED);

  @Test
  void aSignInHoldsInItsSessionUntilItsLifetimeEnds() {
    assertTrue(SIGN_INS.holds(ann, "session-1", T0.plusSeconds(60), Optional.of(CHANGED)));
    assertTrue(
        SIGN_INS.holds(ann, "session-1", T0.plus(LIFETIME).minusSeconds(1), Optional.of(CHANGED)));
    assertFalse(
        SIGN_INS.holds(ann, "session-1", T0.plus(LIFETIME).plusSeconds(1), Optional.of(CHANGED)),
        "12 hours after signing in, however busy the session");
  }

  @Test
  void aChangedPasswordOrAGoneAccountEndsIt() {
    assertFalse(SIGN_INS.holds(ann, "session-1", T0, Optional.of(CHANGED.plusSeconds(1))));
    assertFalse(SIGN_INS.holds(ann, "session-1", T0, Optional.empty()));
    SignedIn again =
        SIGN_INS.signIn("ann", Set.of("customer"), "session-1", T0, CHANGED.plusSeconds(1));
    assertTrue(SIGN_INS.holds(again, "session-1", T0, Optional.of(CHANGED.plusSeconds(1))));
  }

  @Test
  void anEntryNotSealedWithTheSharedKeySignsNobodyIn() {
    SignedIn forged = new SignedIn("ann", Set.of("customer"), T0, CHANGED, "made-up");
    assertFalse(SIGN_INS.holds(forged, "session-1", T0, Optional.of(CHANGED)));
    SessionSignIns foreign =
        new SessionSignIns(
            "another key, also 32 characters..".getBytes(StandardCharsets.UTF_8), LIFETIME);
    SignedIn foreignEntry = foreign.signIn("ann", Set.of("customer"), "session-1", T0, CHANGED);
    assertFalse(SIGN_INS.holds(foreignEntry, "session-1", T0, Optional.of(CHANGED)));
    SignedIn otherName =
        new SignedIn(
            "bob", Set.of("customer"), ann.signedInAt(), ann.passwordChangedAt(), ann.seal());
    assertFalse(
        SIGN_INS.holds(otherName, "session-1", T0, Optional.of(CHANGED)), "the seal is Ann's");
    assertFalse(
        SIGN_INS.holds(ann, "session-2", T0, Optional.of(CHANGED)), "copied to another session");
    SignedIn longer =
        new SignedIn(
            "ann", Set.of("customer"), T0.plus(LIFETIME), ann.passwordChangedAt(), ann.seal());
    assertFalse(
        SIGN_INS.holds(longer, "session-1", T0.plus(LIFETIME), Optional.of(CHANGED)),
        "a moved sign-in time breaks the seal");
  }

  @Test
  void aConfiguredKeyMustBeLongEnough() {
    assertThrows(
        IllegalStateException.class, () -> SessionSignIns.of(Optional.of("short"), LIFETIME));
    assertTrue(SessionSignIns.of(Optional.empty(), LIFETIME) != null, "a random key of its own");
  }
}
