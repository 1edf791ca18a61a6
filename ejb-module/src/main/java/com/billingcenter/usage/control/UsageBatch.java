package com.billingcenter.usage.control;

import com.billingcenter.usage.entity.ReportedUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * One batch of reported usage, judged record by record: first on its own ({@link #check}: the
 * record's fields, a known billing item, no id twice with different records, its hour within the
 * horizon), then against what the database holds ({@link #fresh}: stored before, the workspace on
 * the site and taking usage). Problems are collected for the whole batch, so that a refusal names
 * every bad record; no database here.
 */
public final class UsageBatch {

  private final String siteCode;
  private final List<ReportedUsage> records;
  private final boolean[] valid;
  private final List<UsageRefused.Problem> problems = new ArrayList<>();
  private final Map<String, ReportedUsage> byId = new LinkedHashMap<>();
  private final Set<Long> workspaceIds = new LinkedHashSet<>();

  /**
   * Records whose hour cannot be taken now: still looked up, since a retry of a stored record is a
   * duplicate even when its hour has since left the horizon.
   */
  private final Map<Integer, String> timeProblems = new HashMap<>();

  /** The hours of the records that may be stored. */
  private final Set<Instant> hours = new TreeSet<>();

  private final Map<String, Integer> indexOf = new HashMap<>();
  private int duplicates;

  /** Whether a record is of a workspace that takes no usage while locked again. */
  private boolean forbidden;

  private UsageBatch(String siteCode, List<ReportedUsage> records) {
    this.siteCode = siteCode;
    this.records = records;
    this.valid = new boolean[records.size()];
  }

  /**
   * Judges each record of a batch of the site {@code siteCode} on its own. {@code readProblems} are
   * those found while reading the batch (by index; such a record may be null).
   */
  public static UsageBatch check(
      String siteCode,
      List<ReportedUsage> records,
      Map<Integer, String> readProblems,
      Predicate<String> knownItem,
      Instant now,
      Duration lateHorizon) {
    UsageBatch batch = new UsageBatch(siteCode, records);
    for (int i = 0; i < records.size(); i++) {
      ReportedUsage record = records.get(i);
      String readProblem = readProblems.get(i);
      if (readProblem != null || record == null) {
        batch.refuse(i, record == null ? null : record.id(), readProblem);
        continue;
      }
      String problem = record.problem().orElse(null);
      if (problem == null && !knownItem.test(record.billingItem())) {
        problem = "unknown billingItem '" + record.billingItem() + "'";
      }
      ReportedUsage earlier = problem == null ? batch.byId.putIfAbsent(record.id(), record) : null;
      if (earlier != null && !earlier.sameAs(record)) {
        problem = "id " + record.id() + " appears twice in the batch with different records";
      }
      if (problem != null) {
        batch.refuse(i, record.id(), problem);
        continue;
      }
      batch.valid[i] = true;
      batch.workspaceIds.add(record.workspaceId());
      String timeProblem = record.timeProblem(now, lateHorizon).orElse(null);
      if (timeProblem != null) {
        batch.timeProblems.put(i, timeProblem);
      } else {
        batch.hours.add(record.hour());
      }
    }
    return batch;
  }

  /** The workspaces the valid records name. */
  public Set<Long> workspaceIds() {
    return workspaceIds;
  }

  /** The hours the batch may store usage of (held open while it is stored). */
  public Set<Instant> hours() {
    return hours;
  }

  /** The ids of the valid records. */
  public Set<String> ids() {
    return byId.keySet();
  }

  /** The ids of the valid records whose hour cannot be taken now. */
  public Set<String> idsOutOfTime() {
    Set<String> ids = new LinkedHashSet<>();
    timeProblems.keySet().forEach(i -> ids.add(records.get(i).id()));
    return ids;
  }

  /**
   * The valid records to store, each id once, judged against the records the site {@code stored}
   * before under the same ids (the same record is a duplicate, another is refused) and the {@code
   * workspaces} on the site.
   */
  public List<ReportedUsage> fresh(
      Map<Long, UsageRows.WorkspaceState> workspaces,
      Map<String, ReportedUsage> stored,
      Instant now) {
    List<ReportedUsage> fresh = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (!valid[i]) {
        continue;
      }
      ReportedUsage record = records.get(i);
      ReportedUsage before = stored.get(record.id());
      if (before != null) {
        storedBefore(i, record, before);
        continue;
      }
      String problem = timeProblems.get(i);
      if (problem == null) {
        UsageRows.WorkspaceState workspace = workspaces.get(record.workspaceId());
        problem = workspaceProblem(record, workspace, now);
        forbidden |= workspace != null && workspace.stopped();
      }
      if (problem != null) {
        refuse(i, record.id(), problem);
      } else if (indexOf.putIfAbsent(record.id(), i) != null) {
        duplicates++;
      } else {
        fresh.add(record);
      }
    }
    return fresh;
  }

  /**
   * Judges the fresh records that an insert found stored after all ({@code earlier}: by another
   * batch since they were looked up, or not looked up first).
   */
  public void foundStored(List<ReportedUsage> fresh, Map<String, ReportedUsage> earlier) {
    for (ReportedUsage record : fresh) {
      ReportedUsage before = earlier.get(record.id());
      if (before != null) {
        storedBefore(indexOf.get(record.id()), record, before);
      }
    }
  }

  /** How many records were stored before, or sent twice in the batch. */
  public int duplicates() {
    return duplicates;
  }

  /**
   * Refuses the whole batch if any record has a problem.
   *
   * @throws UsageRefused naming every bad record, in the batch's order
   */
  public void refuseIfAny() {
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(UsageRefused.Problem::index));
      throw new UsageRefused(
          problems.size() + " of " + records.size() + " records are not valid; none was stored.",
          problems,
          forbidden);
    }
  }

  private String workspaceProblem(
      ReportedUsage record, UsageRows.WorkspaceState workspace, Instant now) {
    if (workspace == null) {
      return "no workspace " + record.workspaceId() + " on site " + siteCode;
    }
    return workspace
        .usageRefusal(now)
        .map(why -> "workspace " + record.workspaceId() + " " + why)
        .orElse(null);
  }

  private void storedBefore(int index, ReportedUsage record, ReportedUsage before) {
    if (before.sameAs(record)) {
      duplicates++;
    } else {
      refuse(index, record.id(), "id " + record.id() + " was reported before with another record");
    }
  }

  private void refuse(int index, String id, String reason) {
    problems.add(new UsageRefused.Problem(index, id, reason));
  }
}
