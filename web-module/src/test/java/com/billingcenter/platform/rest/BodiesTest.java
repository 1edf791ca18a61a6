package com.billingcenter.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.billingcenter.platform.entity.RuleViolation;
import org.junit.jupiter.api.Test;

class BodiesTest {

  @Test
  void aCallWithoutItsBodyIsRefusedSayingWhatTheBodyHolds() {
    RuleViolation refused =
        assertThrows(RuleViolation.class, () -> Bodies.required(null, "the workspace"));
    assertEquals("body.missing", refused.code());
    assertEquals("A JSON body with the workspace is required.", refused.getMessage());
  }

  @Test
  void aBodyIsPassedOn() {
    Object body = new Object();
    assertSame(body, Bodies.required(body, "anything"));
  }
}
