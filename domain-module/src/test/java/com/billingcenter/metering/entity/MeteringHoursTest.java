package com.billingcenter.metering.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.cloudaccount.entity.CloudAccountStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeteringHoursTest {

  private static final MeteringHours.Rules RULES =
      new MeteringHours.Rules(Duration.ofMinutes(15), Duration.ofMinutes(10));

  private static Instant at(String text) {
    return Instant.parse(text);
  }

  private static MeteringHours.Due active(String from, String through, String now) {
    return MeteringHours.due(
        CloudAccountStatus.ACTIVE,
        at(from),
        through == null ? null : at(through),
        null,
        null,
        at(now),
        RULES);
  }

  @Test
  void anHourIsDueOnceItsUsageIsClosed() {
    // 10:00-11:00 closes at 11:15.
    assertEquals(List.of(), active("2026-11-26T10:20:00Z", null, "2026-11-26T11:14:59Z").hours());
    assertEquals(
        List.of(at("2026-11-26T10:00:00Z")),
        active("2026-11-26T10:20:00Z", null, "2026-11-26T11:15:00Z").hours());
  }

  @Test
  void missedHoursComeBackOldestFirstFromWhereMeteringStopped() {
    MeteringHours.Due due =
        active("2026-11-26T01:00:00Z", "2026-11-26T06:00:00Z", "2026-11-26T10:30:00Z");
    assertEquals(
        List.of(
            at("2026-11-26T06:00:00Z"),
            at("2026-11-26T07:00:00Z"),
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T09:00:00Z")),
        due.hours());
    assertFalse(due.lastIsFinalFlush());
  }

  @Test
  void anEndingLicenseKeepsTheCloseOfPastHoursAndIsFlushedBeforeItsWindowCloses() {
    // Unsubscribe pending at 10:40: the final window closes at 11:40.
    Instant window = at("2026-11-26T11:40:00Z");
    MeteringHours.Due atEleven =
        MeteringHours.due(
            CloudAccountStatus.ENDING,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T10:00:00Z"),
            window,
            null,
            at("2026-11-26T11:01:00Z"),
            RULES);
    assertTrue(atEleven.isEmpty(), "10:00 still takes usage until 11:15: " + atEleven);

    MeteringHours.Due afterTheClose =
        MeteringHours.due(
            CloudAccountStatus.ENDING,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T10:00:00Z"),
            window,
            null,
            at("2026-11-26T11:16:00Z"),
            RULES);
    assertEquals(List.of(at("2026-11-26T10:00:00Z")), afterTheClose.hours());
    assertFalse(afterTheClose.lastIsFinalFlush());

    MeteringHours.Due beforeClose =
        MeteringHours.due(
            CloudAccountStatus.ENDING,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T11:00:00Z"),
            window,
            null,
            at("2026-11-26T11:31:00Z"),
            RULES);
    assertEquals(List.of(at("2026-11-26T11:00:00Z")), beforeClose.hours());
    assertTrue(beforeClose.lastIsFinalFlush(), "the unfinished hour is sent before 11:40");

    MeteringHours.Due afterFlush =
        MeteringHours.due(
            CloudAccountStatus.ENDING,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T12:00:00Z"),
            window,
            null,
            at("2026-11-26T14:00:00Z"),
            RULES);
    assertTrue(afterFlush.isEmpty(), "nothing after the window");
  }

  @Test
  void theFinalFlushTakesAnHourThatHasNotClosedYet() {
    // Deprovisioned at 10:20: the window closes at 11:20, the flush comes at 11:10, before 10:00
    // closes (11:15); both 10:00 and the unfinished 11:00 go then.
    MeteringHours.Due flush =
        MeteringHours.due(
            CloudAccountStatus.ENDING,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T10:00:00Z"),
            at("2026-11-26T11:20:00Z"),
            null,
            at("2026-11-26T11:11:00Z"),
            RULES);
    assertEquals(List.of(at("2026-11-26T10:00:00Z"), at("2026-11-26T11:00:00Z")), flush.hours());
    assertTrue(flush.lastIsFinalFlush());
  }

  @Test
  void anEndedLicenseIsMeteredUpToTheHourItEndedIn() {
    MeteringHours.Due due =
        MeteringHours.due(
            CloudAccountStatus.ENDED,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T09:00:00Z"),
            null,
            at("2026-11-26T10:30:00Z"),
            at("2026-11-26T13:00:00Z"),
            RULES);
    assertEquals(List.of(at("2026-11-26T09:00:00Z"), at("2026-11-26T10:00:00Z")), due.hours());
    assertTrue(
        MeteringHours.due(
                CloudAccountStatus.ENDED,
                at("2026-11-26T08:00:00Z"),
                at("2026-11-26T11:00:00Z"),
                null,
                at("2026-11-26T10:30:00Z"),
                at("2026-11-26T13:00:00Z"),
                RULES)
            .isEmpty());
  }

  /**
   * AWS's order: the agreement ends at 10:30, the license is deprovisioned half a minute later, and
   * AWS takes the final usage until an hour after that.
   */
  @Test
  void anEndedLicensesLastHoursWaitForTheirUsageUntilTheFinalWindowCloses() {
    Instant ended = at("2026-11-26T10:30:00Z");
    Instant windowCloses = ended.plusSeconds(30).plus(Duration.ofHours(1));
    MeteringHours.Due early =
        MeteringHours.due(
            CloudAccountStatus.ENDED,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T09:00:00Z"),
            windowCloses,
            ended,
            at("2026-11-26T10:31:00Z"),
            RULES);
    assertEquals(List.of(at("2026-11-26T09:00:00Z")), early.hours(), "closed hours only");
    assertFalse(early.lastIsFinalFlush());
    MeteringHours.Due late =
        MeteringHours.due(
            CloudAccountStatus.ENDED,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T10:00:00Z"),
            windowCloses,
            ended,
            windowCloses.minus(RULES.flushMargin()),
            RULES);
    assertEquals(List.of(at("2026-11-26T10:00:00Z")), late.hours(), "the hour it ended in");
    assertFalse(late.lastIsFinalFlush(), "that hour has finished by 11:20");
    Instant endedEarly = at("2026-11-26T10:05:00Z");
    MeteringHours.Due unfinished =
        MeteringHours.due(
            CloudAccountStatus.ENDED,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T10:00:00Z"),
            endedEarly.plus(Duration.ofHours(1)),
            endedEarly,
            at("2026-11-26T10:56:00Z"),
            RULES);
    assertEquals(List.of(at("2026-11-26T10:00:00Z")), unfinished.hours());
    assertTrue(unfinished.lastIsFinalFlush(), "sent before it ends: the window closes at 11:05");
    MeteringHours.Due beforeDeprovisioning =
        MeteringHours.due(
            CloudAccountStatus.ENDED,
            at("2026-11-26T08:00:00Z"),
            at("2026-11-26T10:00:00Z"),
            null,
            ended,
            at("2026-11-26T10:31:00Z"),
            RULES);
    assertTrue(beforeDeprovisioning.isEmpty(), "its window runs an hour from the end meanwhile");
  }

  @Test
  void pendingAndFailedLicensesAreNotMetered() {
    for (CloudAccountStatus status :
        List.of(CloudAccountStatus.PENDING, CloudAccountStatus.FAILED)) {
      assertTrue(
          MeteringHours.due(
                  status,
                  at("2026-11-26T08:00:00Z"),
                  null,
                  null,
                  null,
                  at("2026-11-26T13:00:00Z"),
                  RULES)
              .isEmpty());
    }
  }

  @Test
  void hoursOlderThanTheMarketplaceTakesAreTooLate() {
    Instant now = at("2026-11-26T12:00:00Z");
    assertFalse(MeteringHours.tooLate(at("2026-11-26T06:00:00Z"), now, Duration.ofHours(6)));
    assertTrue(MeteringHours.tooLate(at("2026-11-26T05:00:00Z"), now, Duration.ofHours(6)));
  }

  /** AWS takes records up to 24 hours old, and the previous month's until 06:00 UTC on the 1st. */
  @Test
  void thePreviousMonthIsTakenUntilSixOnTheFirst() {
    Duration day = Duration.ofHours(24);
    Instant old = at("2026-11-29T10:00:00Z");
    assertTrue(MeteringHours.tooLate(old, at("2026-12-01T06:00:00Z"), day), "grace over");
    assertFalse(MeteringHours.tooLate(old, at("2026-12-01T05:59:00Z"), day), "in the grace");
    assertEquals(
        at("2026-11-01T00:00:00Z"), MeteringHours.oldestAccepted(at("2026-12-01T01:00:00Z"), day));
    assertEquals(
        at("2026-11-30T07:00:00Z"), MeteringHours.oldestAccepted(at("2026-12-01T07:00:00Z"), day));
    assertEquals(
        at("2026-12-14T09:30:00Z"), MeteringHours.oldestAccepted(at("2026-12-15T09:30:00Z"), day));
  }
}
