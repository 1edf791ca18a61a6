package com.billingcenter.audit.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

  @Test
  void overlongValueIsKeptInPartNotLost() {
    var entry =
        new AuditEntry(
            1L,
            "ann",
            Instant.EPOCH,
            "workspace.created",
            "workspace",
            "5",
            null,
            "x".repeat(5000));
    assertEquals(1000, entry.after().length());
    assertTrue(entry.after().endsWith("…"));
  }

  @Test
  void everyEntrySaysWhoWhatAndWhen() {
    assertThrows(
        NullPointerException.class,
        () -> new AuditEntry(1L, null, Instant.EPOCH, "a", "workspace", "5", null, null));
    assertThrows(
        NullPointerException.class,
        () -> new AuditEntry(1L, "ann", null, "a", "workspace", "5", null, null));
  }
}
