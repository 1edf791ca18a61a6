package com.billingcenter.workspace.entity;

import com.billingcenter.platform.entity.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A workspace of a Billing Center account on one site. Its language is fixed at creation (it
 * decides the templates of events, alarms and text messages); there is deliberately no way to
 * change it. Calendar months are UTC months, the same for every site. (Over 300 lines: every rule
 * of a workspace's life, plan, settlement, lock and usage, guards its own fields here.)
 */
@Entity
@Table(name = "workspace")
@NamedQuery(
    name = Workspace.BY_OWNER,
    query = "select w from Workspace w where w.ownerId = :ownerId order by w.id")
@NamedQuery(
    name = Workspace.BY_OWNER_SETTLED_BY_CLOUD,
    query =
        "select w from Workspace w where w.ownerId = :ownerId"
            + " and w.settlement.cloudAccountId in :cloudAccountIds order by w.id")
@NamedQuery(
    name = Workspace.SETTLED_BY_CLOUD,
    query =
        "select w from Workspace w where w.settlement.cloudAccountId = :cloudAccountId"
            + " order by w.id")
@NamedQuery(
    name = Workspace.COUNTDOWN_ENDING,
    query =
        "select w.id from Workspace w where w.status = :locked and w.countdownEndsAt > :now"
            + " and w.countdownEndsAt <= :within"
            + " and (w.countdownRemindedDays is null or w.countdownRemindedDays > 1)"
            + " order by w.id")
@NamedQuery(
    name = Workspace.COUNTDOWN_OVER,
    query =
        "select w.id from Workspace w where w.status = :locked and w.countdownEndsAt <= :now"
            + " order by w.id")
public class Workspace {

  public static final String BY_OWNER = "Workspace.byOwner";
  public static final String BY_OWNER_SETTLED_BY_CLOUD = "Workspace.byOwnerSettledByCloud";
  public static final String SETTLED_BY_CLOUD = "Workspace.settledByCloud";
  public static final String COUNTDOWN_OVER = "Workspace.countdownOver";
  public static final String COUNTDOWN_ENDING = "Workspace.countdownEnding";

  /** How long a locked workspace can still be unlocked before it takes no new data. */
  public static final Duration LOCK_COUNTDOWN = Duration.ofDays(14);

  public static final int MAX_NAME_LENGTH = 100;

  @Id
  @SequenceGenerator(name = "workspace_seq", sequenceName = "workspace_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "workspace_seq")
  private Long id;

  @Column(name = "owner_id", nullable = false, updatable = false)
  private Long ownerId;

  @Column(nullable = false, length = MAX_NAME_LENGTH)
  private String name;

  @Column(name = "site_code", nullable = false, updatable = false, length = 16)
  private String siteCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "language_code", nullable = false, updatable = false, length = 2)
  private WorkspaceLanguage language;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Plan plan;

  @Embedded private Settlement settlement;

  @Column(name = "settlement_changed_at")
  private Instant settlementChangedAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private WorkspaceStatus status;

  @Column(name = "locked_at")
  private Instant lockedAt;

  /** When a locked workspace's countdown ends: {@link #LOCK_COUNTDOWN} after the lock, or later. */
  @Column(name = "countdown_ends_at")
  private Instant countdownEndsAt;

  /** The fewest days before the full lock the owner was reminded of, during this countdown. */
  @Column(name = "countdown_reminded_days")
  private Integer countdownRemindedDays;

  @Column(name = "lock_reason", length = 64)
  private String lockReason;

  /** Whether the workspace takes no usage while locked: locked again soon after a lock. */
  @Column(name = "usage_stopped", nullable = false)
  private boolean usageStopped;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "dissolved_at")
  private Instant dissolvedAt;

  @Version private long version;

  protected Workspace() {}

  /**
   * A new, active workspace on the Free plan. Choosing the initial settlement method is not a
   * change: it does not count towards the month's one change.
   */
  public static Workspace create(
      long ownerId,
      String name,
      String siteCode,
      WorkspaceLanguage language,
      Settlement initialSettlement,
      Clock clock) {
    Workspace workspace = new Workspace();
    workspace.ownerId = ownerId;
    workspace.name = checkName(name);
    workspace.siteCode = Objects.requireNonNull(siteCode, "siteCode");
    workspace.language = Objects.requireNonNull(language, "language");
    workspace.plan = Plan.FREE;
    workspace.settlement = Objects.requireNonNull(initialSettlement, "initialSettlement");
    workspace.status = WorkspaceStatus.ACTIVE;
    workspace.createdAt = clock.instant();
    return workspace;
  }

  /**
   * Trims a workspace name and checks it: 1 to 100 characters, no control characters. Any other
   * character is allowed and always shown as text.
   */
  public static String checkName(String name) {
    String trimmed = name == null ? "" : name.strip();
    if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
      throw new RuleViolation(
          "workspace.name.length", "A workspace name has 1 to " + MAX_NAME_LENGTH + " characters.");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw new RuleViolation(
          "workspace.name.control", "A workspace name cannot contain control characters.");
    }
    return trimmed;
  }

  /** Flow 3 of the product: the workspace moves to the Commercial Plan. */
  public void openCommercialPlan() {
    if (plan == Plan.COMMERCIAL) {
      throw new RuleViolation(
          "workspace.plan.alreadyCommercial", "This workspace is already on the Commercial Plan.");
    }
    plan = Plan.COMMERCIAL;
  }

  /**
   * Changes how the workspace is settled: at most once per calendar month, except that a locked (or
   * fully locked) workspace may always change, and the change unlocks it at once: choosing a new
   * settlement method is how a customer unlocks a workspace whose cloud account went away.
   */
  public void changeSettlement(Settlement next, Clock clock) {
    Objects.requireNonNull(next, "next");
    Instant now = clock.instant();
    if (next.equals(settlement)) {
      throw new RuleViolation(
          "settlement.unchanged", "The workspace already settles by this method.");
    }
    if (status == WorkspaceStatus.DISSOLVED) {
      throw new RuleViolation("workspace.dissolved", "This workspace was dissolved.");
    }
    boolean unlocking = status != WorkspaceStatus.ACTIVE;
    if (!unlocking && settlementChangedAt != null && sameMonth(settlementChangedAt, now)) {
      throw new RuleViolation(
          "settlement.oncePerMonth",
          "The settlement method of a workspace can change once per calendar month; the next"
              + " change is possible from "
              + nextChangePossible().orElseThrow()
              + ".");
    }
    settlement = next;
    settlementChangedAt = now;
    if (unlocking) {
      status = WorkspaceStatus.ACTIVE;
      lockedAt = null;
      countdownEndsAt = null;
      countdownRemindedDays = null;
      lockReason = null;
      usageStopped = false;
    }
  }

  /** The first moment the settlement method may change again, if this month's change is used. */
  public Optional<Instant> nextChangePossible() {
    if (settlementChangedAt == null) {
      return Optional.empty();
    }
    return Optional.of(
        YearMonth.from(settlementChangedAt.atZone(ZoneOffset.UTC))
            .plusMonths(1)
            .atDay(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant());
  }

  /** Whether the settlement method could change now without unlocking. */
  public boolean canChangeSettlement(Clock clock) {
    return status != WorkspaceStatus.ACTIVE
        || settlementChangedAt == null
        || !sameMonth(settlementChangedAt, clock.instant());
  }

  /**
   * Locks the workspace and starts its countdown. Locking a locked workspace changes nothing (the
   * countdown keeps its first start), so a redelivered notification cannot extend it.
   */
  public void lock(String reason, Clock clock) {
    if (status != WorkspaceStatus.ACTIVE) {
      return;
    }
    status = WorkspaceStatus.LOCKED;
    lockedAt = clock.instant();
    countdownEndsAt = lockedAt.plus(LOCK_COUNTDOWN);
    countdownRemindedDays = null;
    lockReason = Objects.requireNonNull(reason, "reason");
  }

  /** The most one extension adds to a countdown. */
  public static final Duration MAX_EXTENSION = Duration.ofDays(30);

  /** The longest a countdown may last, extensions included. */
  public static final Duration MAX_COUNTDOWN = Duration.ofDays(90);

  /**
   * Extends a locked workspace's countdown by {@code days} (1 to 30; the whole countdown at most 90
   * days from the lock): the product's staff gives a customer time, e.g. while AWS sorts out a
   * subscription. A fully locked or active workspace has no countdown to extend.
   */
  public void extendCountdown(int days, Clock clock) {
    if (status != WorkspaceStatus.LOCKED || !clock.instant().isBefore(countdownEndsAt)) {
      throw new RuleViolation(
          "workspace.extend.notLocked", "Only a locked workspace's running countdown is extended.");
    }
    if (days < 1 || days > MAX_EXTENSION.toDays()) {
      throw new RuleViolation(
          "workspace.extend.days", "A countdown is extended by 1 to 30 days at a time.");
    }
    Instant end = countdownEndsAt.plus(Duration.ofDays(days));
    if (end.isAfter(lockedAt.plus(MAX_COUNTDOWN))) {
      throw new RuleViolation(
          "workspace.extend.tooLong", "A countdown lasts at most 90 days from the lock.");
    }
    countdownEndsAt = end;
    countdownRemindedDays = null;
  }

  /** The days before a full lock its owner is reminded: a week, then a day. */
  public static final List<Integer> REMINDER_DAYS = List.of(7, 1);

  /**
   * The reminder of the coming full lock due now, if one is: the fewest of {@link #REMINDER_DAYS}
   * at least as far off as the countdown's end, not sent yet during this countdown (a workspace
   * locked five days before its end gets the one-day reminder only, later). Counted as sent.
   */
  public java.util.OptionalInt fullLockReminderDue(Clock clock) {
    if (status != WorkspaceStatus.LOCKED || countdownEndsAt == null) {
      return java.util.OptionalInt.empty();
    }
    Duration left = Duration.between(clock.instant(), countdownEndsAt);
    if (left.isNegative() || left.isZero()) {
      return java.util.OptionalInt.empty();
    }
    java.util.OptionalInt due =
        REMINDER_DAYS.stream()
            .mapToInt(Integer::intValue)
            .filter(days -> left.compareTo(Duration.ofDays(days)) <= 0)
            .min();
    if (due.isEmpty()
        || (countdownRemindedDays != null && countdownRemindedDays <= due.getAsInt())) {
      return java.util.OptionalInt.empty();
    }
    countdownRemindedDays = due.getAsInt();
    return due;
  }

  /**
   * The cloud account that settled the workspace went away: the workspace loses it (no settlement
   * method until the customer chooses one) and is locked with its countdown. This is not the
   * customer's monthly change. Returns whether it changed anything (a redelivery does not).
   */
  public boolean loseSettlement(String reason, Clock clock) {
    return loseSettlement(reason, false, clock);
  }

  /**
   * As {@link #loseSettlement(String, Clock)}; {@code repeated}: the workspace was locked so before
   * within the repeat window, and takes no usage while this lock lasts (a subscription that is
   * cancelled again and again must not make a countdown's usage a habit).
   */
  public boolean loseSettlement(String reason, boolean repeated, Clock clock) {
    if (!settlement.isCloudAccount()) {
      return false;
    }
    settlement = Settlement.none();
    lock(reason, clock);
    usageStopped = repeated;
    return true;
  }

  /**
   * The owner deletes a locked workspace for good, confirming by typing its name (surrounding
   * spaces aside). Only a locked workspace can be dissolved: an active one is first locked by the
   * end of its settlement. It then takes no data and is in no list; its earlier usage stays on the
   * bills.
   */
  public void dissolve(String typedName, Clock clock) {
    if (status == WorkspaceStatus.DISSOLVED) {
      throw new RuleViolation("workspace.dissolved", "This workspace was dissolved already.");
    }
    if (status == WorkspaceStatus.ACTIVE) {
      throw new RuleViolation(
          "workspace.dissolve.notLocked", "Only a locked workspace can be dissolved.");
    }
    if (typedName == null || !typedName.strip().equals(name)) {
      throw new RuleViolation(
          "workspace.dissolve.nameMismatch",
          "Type the workspace's name exactly to confirm that it is to be dissolved.");
    }
    status = WorkspaceStatus.DISSOLVED;
    dissolvedAt = clock.instant();
  }

  /** After the countdown a locked workspace becomes fully locked. Returns whether it changed. */
  public boolean refreshLockState(Clock clock) {
    if (status == WorkspaceStatus.LOCKED && !clock.instant().isBefore(countdownEnd().get())) {
      status = WorkspaceStatus.FULLY_LOCKED;
      return true;
    }
    return false;
  }

  /** When the countdown of a locked workspace ends, if it is locked. */
  public Optional<Instant> countdownEnd() {
    return Optional.ofNullable(countdownEndsAt);
  }

  /** Whether usage for this workspace may still be recorded now. */
  public boolean acceptsUsage(Clock clock) {
    return usageRefusal(status, countdownEndsAt, usageStopped, clock.instant()).isEmpty();
  }

  /**
   * Why usage of a workspace in {@code status}, its countdown ending at {@code countdownEnd},
   * cannot be recorded at {@code now} ("is fully locked", "was dissolved"), or empty when it can:
   * an active workspace takes usage, a locked one until its countdown ends unless {@code
   * usageStopped} (locked again soon after a lock). For readers of the workspace's row who do not
   * load the entity (the usage intake reads thousands at a time).
   */
  public static Optional<String> usageRefusal(
      WorkspaceStatus status, Instant countdownEnd, boolean usageStopped, Instant now) {
    return switch (status) {
      case ACTIVE -> Optional.empty();
      case LOCKED ->
          usageStopped
              ? Optional.of(
                  "is locked again soon after an earlier lock and takes no usage until a new"
                      + " settlement method unlocks it")
              : now.isBefore(countdownEnd) ? Optional.empty() : Optional.of("is fully locked");
      case FULLY_LOCKED -> Optional.of("is fully locked");
      case DISSOLVED -> Optional.of("was dissolved");
    };
  }

  private static boolean sameMonth(Instant a, Instant b) {
    return YearMonth.from(a.atZone(ZoneOffset.UTC))
        .equals(YearMonth.from(b.atZone(ZoneOffset.UTC)));
  }

  public Long id() {
    return id;
  }

  public Long ownerId() {
    return ownerId;
  }

  public String name() {
    return name;
  }

  public String siteCode() {
    return siteCode;
  }

  public WorkspaceLanguage language() {
    return language;
  }

  public Plan plan() {
    return plan;
  }

  public Settlement settlement() {
    return settlement;
  }

  public Instant settlementChangedAt() {
    return settlementChangedAt;
  }

  public WorkspaceStatus status() {
    return status;
  }

  public Instant lockedAt() {
    return lockedAt;
  }

  public boolean usageStopped() {
    return usageStopped;
  }

  public String lockReason() {
    return lockReason;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant dissolvedAt() {
    return dissolvedAt;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Workspace that && id != null && id.equals(that.id);
  }

  @Override
  public int hashCode() {
    return Workspace.class.hashCode();
  }

  @Override
  public String toString() {
    return "Workspace[" + id + ", " + siteCode + "]";
  }
}
