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
  void anEndingLicenseIsMeteredAsSoonAsEachHourEndsAndFlushedBeforeItsWindowCloses() {
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
    assertEquals(List.of(at("2026-11-26T10:00:00Z")), atEleven.hours(), "no 15-minute wait");
    assertFalse(atEleven.lastIsFinalFlush());

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
}
