package com.billingcenter.usage.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportedUsageTest {

  private static final Instant NOW = Instant.parse("2026-11-26T11:10:00Z");
  private static final Duration ACCEPT_FOR = Duration.ofMinutes(15);

  private static final Duration HORIZON = Duration.ofDays(30);

  private static Optional<String> problem(String id, String hour, long quantity) {
    ReportedUsage record = new ReportedUsage(id, 1, "data-points", Instant.parse(hour), quantity);
    return record.problem().or(() -> record.timeProblem(NOW, HORIZON));
  }

  @Test
  void aRecordOfAnOpenHourIsTaken() {
    assertEquals(Optional.empty(), problem("r-1", "2026-11-26T10:00:00Z", 5));
    assertEquals(Optional.empty(), problem("r-1", "2026-11-26T11:00:00Z", 0));
  }

  @Test
  void badRecordsSayWhy() {
    assertTrue(problem("r-1", "2026-11-26T10:30:00Z", 5).get().contains("on the hour"));
    assertTrue(problem("r-1", "2026-11-26T12:00:00Z", 5).get().contains("future"));
    assertTrue(problem("r-1", "2026-10-27T10:00:00Z", 5).get().contains("too old"));
    assertTrue(problem("r-1", "2026-11-26T10:00:00Z", -1).get().contains("negative"));
    assertTrue(problem("", "2026-11-26T10:00:00Z", 1).get().contains("id"));
    assertTrue(problem("x".repeat(65), "2026-11-26T10:00:00Z", 1).get().contains("id"));
    assertTrue(problem("<script>", "2026-11-26T10:00:00Z", 1).get().contains("id"));
  }

  @Test
  void usageOfAClosedHourIsLateNotRefusedWithinTheHorizon() {
    ReportedUsage late =
        new ReportedUsage("r", 1, "data-points", NOW.minus(Duration.ofHours(3)), 5);
    assertEquals(Optional.empty(), problem("r", "2026-11-26T09:00:00Z", 5));
    assertEquals(Optional.empty(), problem("r", "2026-10-27T12:00:00Z", 5));
    assertTrue(late.late(NOW, ACCEPT_FOR));
    assertFalse(
        new ReportedUsage("r", 1, "data-points", Instant.parse("2026-11-26T10:00:00Z"), 5)
            .late(NOW, ACCEPT_FOR));
  }

  @Test
  void anHourClosesFifteenMinutesAfterItEnds() {
    Instant hour = Instant.parse("2026-11-26T10:00:00Z");
    assertFalse(ReportedUsage.closed(hour, Instant.parse("2026-11-26T11:14:59Z"), ACCEPT_FOR));
    assertTrue(ReportedUsage.closed(hour, Instant.parse("2026-11-26T11:15:00Z"), ACCEPT_FOR));
  }

  @Test
  void aRetryIsTheSameRecordAndAnotherQuantityIsNot() {
    ReportedUsage first = new ReportedUsage("r", 1, "data-points", NOW, 5);
    assertTrue(first.sameAs(new ReportedUsage("r", 1, "data-points", NOW, 5)));
    assertFalse(first.sameAs(new ReportedUsage("r", 1, "data-points", NOW, 6)));
  }
}
