package com.billingcenter.workspace.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.billingcenter.platform.entity.RuleViolation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkspaceTest {

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  private static final Settlement AWS_1 = Settlement.cloudAccount("aws", 1);
  private static final Settlement AWS_2 = Settlement.cloudAccount("aws", 2);

  private static Workspace newWorkspace(String now) {
    return Workspace.create(
        7, "Production", "us1", WorkspaceLanguage.EN, Settlement.billingCenterAccount(), at(now));
  }

  private static String refusal(Runnable change) {
    return assertThrows(RuleViolation.class, change::run).code();
  }

  @Test
  void newWorkspaceIsActiveOnTheFreePlanAndMayChangeItsSettlement() {
    Workspace workspace = newWorkspace("2026-05-10T08:00:00Z");
    assertEquals(WorkspaceStatus.ACTIVE, workspace.status());
    assertEquals(Plan.FREE, workspace.plan());
    assertTrue(workspace.canChangeSettlement(at("2026-05-10T08:00:00Z")));
  }

  @Test
  void secondSettlementChangeInTheSameMonthIsRefused() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    workspace.changeSettlement(AWS_1, at("2026-05-02T10:00:00Z"));
    assertEquals(
        "settlement.oncePerMonth",
        refusal(() -> workspace.changeSettlement(AWS_2, at("2026-05-31T23:59:59Z"))));
    assertEquals(AWS_1, workspace.settlement(), "nothing changed");
    assertEquals(Instant.parse("2026-06-01T00:00:00Z"), workspace.nextChangePossible().get());
  }

  @Test
  void nextCalendarMonthAllowsAnotherChangeEvenAFewMinutesLater() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    workspace.changeSettlement(AWS_1, at("2026-05-31T23:55:00Z"));
    workspace.changeSettlement(AWS_2, at("2026-06-01T00:00:00Z"));
    assertEquals(AWS_2, workspace.settlement());
  }

  @Test
  void monthsAreCountedAcrossTheYearEnd() {
    Workspace workspace = newWorkspace("2026-12-01T00:00:00Z");
    workspace.changeSettlement(AWS_1, at("2026-12-15T00:00:00Z"));
    workspace.changeSettlement(AWS_2, at("2027-01-01T00:00:00Z"));
    assertEquals(
        "settlement.oncePerMonth",
        refusal(
            () ->
                workspace.changeSettlement(
                    Settlement.billingCenterAccount(), at("2027-01-31T00:00:00Z"))));
  }

  @Test
  void choosingTheCurrentMethodAgainIsRefused() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    assertEquals(
        "settlement.unchanged",
        refusal(
            () ->
                workspace.changeSettlement(
                    Settlement.billingCenterAccount(), at("2026-05-02T00:00:00Z"))));
  }

  @Test
  void changingTheSettlementOfALockedWorkspaceUnlocksItAtOnceDespiteTheMonthLimit() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    workspace.changeSettlement(AWS_1, at("2026-05-02T00:00:00Z"));
    workspace.lock("cloudAccount.unsubscribed", at("2026-05-03T00:00:00Z"));
    assertEquals(WorkspaceStatus.LOCKED, workspace.status());
    workspace.changeSettlement(Settlement.billingCenterAccount(), at("2026-05-04T00:00:00Z"));
    assertEquals(WorkspaceStatus.ACTIVE, workspace.status());
    assertEquals(null, workspace.lockedAt());
    assertTrue(workspace.countdownEnd().isEmpty());
  }

  @Test
  void lockedWorkspaceBecomesFullyLockedWhenItsFourteenDayCountdownEnds() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    workspace.lock("cloudAccount.unsubscribed", at("2026-05-03T12:00:00Z"));
    assertEquals(Instant.parse("2026-05-17T12:00:00Z"), workspace.countdownEnd().get());
    assertFalse(workspace.refreshLockState(at("2026-05-17T11:59:59Z")));
    assertTrue(workspace.acceptsUsage(at("2026-05-17T11:59:59Z")), "still takes data");
    assertFalse(workspace.acceptsUsage(at("2026-05-17T12:00:00Z")));
    assertTrue(workspace.refreshLockState(at("2026-05-17T12:00:00Z")));
    assertEquals(WorkspaceStatus.FULLY_LOCKED, workspace.status());
  }

  /**
   * The product's staff extends a running countdown by 1 to 30 days, at most 90 days from the lock;
   * the workspace takes usage and stays locked that much longer. No countdown, no extension.
   */
  @Test
  void aRunningCountdownIsExtendedWithinItsBounds() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    assertEquals(
        "workspace.extend.notLocked",
        assertThrows(
                RuleViolation.class, () -> workspace.extendCountdown(7, at("2026-05-02T00:00:00Z")))
            .code());
    workspace.lock("cloudAccount.unsubscribed", at("2026-05-03T12:00:00Z"));
    for (int days : new int[] {0, 31}) {
      assertEquals(
          "workspace.extend.days",
          assertThrows(
                  RuleViolation.class,
                  () -> workspace.extendCountdown(days, at("2026-05-04T00:00:00Z")))
              .code());
    }
    workspace.extendCountdown(7, at("2026-05-04T00:00:00Z"));
    assertEquals(Instant.parse("2026-05-24T12:00:00Z"), workspace.countdownEnd().orElseThrow());
    assertTrue(workspace.acceptsUsage(at("2026-05-24T11:59:59Z")));
    assertFalse(workspace.refreshLockState(at("2026-05-24T11:59:59Z")));
    workspace.extendCountdown(30, at("2026-05-05T00:00:00Z"));
    workspace.extendCountdown(30, at("2026-05-05T00:00:00Z"));
    assertEquals(
        "workspace.extend.tooLong",
        assertThrows(
                RuleViolation.class,
                () -> workspace.extendCountdown(10, at("2026-05-05T00:00:00Z")))
            .code());
    assertTrue(workspace.refreshLockState(at("2026-07-23T12:00:00Z")));
    assertEquals(
        "workspace.extend.notLocked",
        assertThrows(
                RuleViolation.class, () -> workspace.extendCountdown(1, at("2026-07-24T00:00:00Z")))
            .code());
  }

  /**
   * The owner is reminded a week, then a day, before the full lock: each once per countdown; an
   * extension starts them again.
   */
  @Test
  void aFullLockIsRemindedAWeekThenADayBeforeEachOnce() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    workspace.lock("cloudAccount.unsubscribed", at("2026-05-03T00:00:00Z"));
    assertTrue(workspace.fullLockReminderDue(at("2026-05-09T23:59:59Z")).isEmpty(), "8 days");
    assertEquals(7, workspace.fullLockReminderDue(at("2026-05-10T00:00:00Z")).getAsInt());
    assertTrue(workspace.fullLockReminderDue(at("2026-05-12T00:00:00Z")).isEmpty(), "once");
    assertEquals(1, workspace.fullLockReminderDue(at("2026-05-16T00:00:00Z")).getAsInt());
    assertTrue(workspace.fullLockReminderDue(at("2026-05-16T12:00:00Z")).isEmpty(), "once");
    workspace.extendCountdown(7, at("2026-05-16T12:00:00Z"));
    assertEquals(7, workspace.fullLockReminderDue(at("2026-05-17T00:00:00Z")).getAsInt());
    assertTrue(workspace.fullLockReminderDue(at("2026-05-24T00:00:00Z")).isEmpty(), "over");
  }

  @Test
  void lockingAgainKeepsTheFirstCountdown() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    workspace.lock("cloudAccount.unsubscribed", at("2026-05-03T00:00:00Z"));
    workspace.lock("cloudAccount.unsubscribed", at("2026-05-10T00:00:00Z"));
    assertEquals(Instant.parse("2026-05-17T00:00:00Z"), workspace.countdownEnd().get());
  }

  @Test
  void commercialPlanOpensOnce() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    workspace.openCommercialPlan();
    assertEquals(Plan.COMMERCIAL, workspace.plan());
    assertEquals("workspace.plan.alreadyCommercial", refusal(workspace::openCommercialPlan));
  }

  @Test
  void languageCannotBeChangedByAnyMethod() throws Exception {
    boolean anyLanguageChanger =
        Arrays.stream(Workspace.class.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()))
            .anyMatch(
                m ->
                    Arrays.asList(m.getParameterTypes()).contains(WorkspaceLanguage.class)
                        && !m.getName().equals("create"));
    assertFalse(anyLanguageChanger, "only create() takes a language");
    Method getter = Workspace.class.getMethod("language");
    assertEquals(WorkspaceLanguage.class, getter.getReturnType());
    assertFalse(
        Workspace.class
            .getDeclaredField("language")
            .getAnnotation(jakarta.persistence.Column.class)
            .updatable(),
        "the column is read-only after insert");
  }

  @Test
  void onlyEnglishAndChineseAreWorkspaceLanguages() {
    assertEquals(WorkspaceLanguage.ZH, WorkspaceLanguage.fromCode("zh"));
    assertEquals(
        "workspace.language.invalid",
        assertThrows(RuleViolation.class, () -> WorkspaceLanguage.fromCode("fr")).code());
  }

  @Test
  void nameIsTrimmedAndMayHoldAnyTextButNoControlCharacters() {
    assertEquals("<script>alert(1)</script>", Workspace.checkName("  <script>alert(1)</script> "));
    assertEquals("生产环境", Workspace.checkName("生产环境"));
    assertEquals("workspace.name.control", refusal(() -> Workspace.checkName("a\u0000b")));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 101, 500})
  void emptyOrOverlongNamesAreRefused(int length) {
    assertEquals("workspace.name.length", refusal(() -> Workspace.checkName("x".repeat(length))));
  }

  @Test
  void losingTheCloudAccountLocksOnceAndANewMethodUnlocksEvenInTheSameMonth() {
    Workspace workspace = newWorkspace("2026-05-10T08:00:00Z");
    workspace.changeSettlement(AWS_1, at("2026-05-10T09:00:00Z"));
    assertTrue(workspace.loseSettlement("cloudAccount.ended", at("2026-05-11T00:00:00Z")));
    assertEquals(WorkspaceStatus.LOCKED, workspace.status());
    assertEquals(Settlement.none(), workspace.settlement());
    assertEquals(Instant.parse("2026-05-25T00:00:00Z"), workspace.countdownEnd().orElseThrow());
    assertFalse(
        workspace.loseSettlement("cloudAccount.ended", at("2026-05-12T00:00:00Z")),
        "a redelivery changes nothing, the countdown keeps its start");
    assertEquals(Instant.parse("2026-05-25T00:00:00Z"), workspace.countdownEnd().orElseThrow());
    workspace.changeSettlement(AWS_2, at("2026-05-12T00:00:00Z"));
    assertEquals(
        WorkspaceStatus.ACTIVE, workspace.status(), "unlocked despite this month's change");
  }

  /** A lock soon after an earlier one takes no usage at all while it lasts; an unlock ends that. */
  @Test
  void aRepeatedLockTakesNoUsageUntilANewMethodUnlocks() {
    Workspace workspace = newWorkspace("2026-05-10T08:00:00Z");
    workspace.changeSettlement(AWS_1, at("2026-05-10T09:00:00Z"));
    assertTrue(workspace.loseSettlement("cloudAccount.ended", true, at("2026-05-11T00:00:00Z")));
    assertEquals(WorkspaceStatus.LOCKED, workspace.status());
    assertFalse(workspace.acceptsUsage(at("2026-05-11T00:00:01Z")), "not even in the countdown");
    assertTrue(
        Workspace.usageRefusal(
                WorkspaceStatus.LOCKED,
                Instant.parse("2026-05-11T00:00:00Z"),
                true,
                Instant.parse("2026-05-11T00:00:01Z"))
            .orElseThrow()
            .contains("locked again"));
    workspace.changeSettlement(AWS_2, at("2026-05-12T00:00:00Z"));
    assertTrue(workspace.acceptsUsage(at("2026-05-12T00:00:01Z")), "unlocked, it takes usage");
    assertFalse(workspace.usageStopped());
    assertTrue(workspace.loseSettlement("cloudAccount.ended", false, at("2026-09-12T00:00:00Z")));
    assertTrue(workspace.acceptsUsage(at("2026-09-12T00:00:01Z")), "a first lock's countdown");
  }

  @Test
  void aWorkspaceSettledByTheBillingCenterAccountIsNotLocked() {
    Workspace workspace = newWorkspace("2026-05-10T08:00:00Z");
    assertFalse(workspace.loseSettlement("cloudAccount.ended", at("2026-05-11T00:00:00Z")));
    assertEquals(WorkspaceStatus.ACTIVE, workspace.status());
    assertThrows(IllegalArgumentException.class, () -> Settlement.cloudAccount("none", 1));
  }

  @Test
  void onlyALockedWorkspaceIsDissolvedAndOnlyWithItsNameTyped() {
    Workspace workspace = newWorkspace("2026-05-01T00:00:00Z");
    assertEquals(
        "workspace.dissolve.notLocked",
        refusal(() -> workspace.dissolve("Production", at("2026-05-02T00:00:00Z"))));
    workspace.changeSettlement(AWS_1, at("2026-05-02T00:00:00Z"));
    workspace.loseSettlement("cloudAccount.ended", at("2026-05-03T00:00:00Z"));
    assertEquals(
        "workspace.dissolve.nameMismatch",
        refusal(() -> workspace.dissolve("production", at("2026-05-04T00:00:00Z"))));
    assertEquals(WorkspaceStatus.LOCKED, workspace.status(), "nothing changed");

    workspace.dissolve("  Production ", at("2026-05-04T00:00:00Z"));
    assertEquals(WorkspaceStatus.DISSOLVED, workspace.status());
    assertEquals(Instant.parse("2026-05-04T00:00:00Z"), workspace.dissolvedAt());
    assertFalse(workspace.acceptsUsage(at("2026-05-04T00:00:01Z")), "no data after");
    assertEquals(
        "workspace.dissolved",
        refusal(
            () ->
                workspace.changeSettlement(
                    Settlement.billingCenterAccount(), at("2026-05-05T00:00:00Z"))));
    assertEquals(
        "workspace.dissolved",
        refusal(() -> workspace.dissolve("Production", at("2026-05-05T00:00:00Z"))));
  }
}
