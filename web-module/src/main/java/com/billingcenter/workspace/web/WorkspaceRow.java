package com.billingcenter.workspace.web;

import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.workspace.entity.Workspace;
import java.io.Serializable;
import java.time.Instant;

/**
 * A workspace as the page shows it: a serializable snapshot (the view may be stored in the session
 * and replicated), with times formatted in UTC.
 */
public class WorkspaceRow implements Serializable {

  private static final long serialVersionUID = 1L;

  private final long id;
  private final String name;
  private final String siteCode;
  private final String language;
  private final String plan;
  private final String settlementMethod;
  private final Long cloudAccountId;
  private final String status;
  private final String countdownEnd;
  private final long countdownDaysLeft;
  private final boolean usageStopped;

  WorkspaceRow(Workspace w, Instant now) {
    id = w.id();
    name = w.name();
    siteCode = w.siteCode();
    language = w.language().code();
    plan = w.plan().name();
    settlementMethod = w.settlement().method();
    cloudAccountId = w.settlement().cloudAccountId();
    status = w.status().name();
    Instant end = w.countdownEnd().orElse(null);
    countdownEnd = end == null ? null : UtcTimes.MINUTES.format(end);
    countdownDaysLeft =
        end == null || !end.isAfter(now)
            ? 0
            : (java.time.Duration.between(now, end).toHours() + 23) / 24;
    usageStopped = w.usageStopped();
  }

  public long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getSiteCode() {
    return siteCode;
  }

  public String getLanguage() {
    return language;
  }

  public String getPlan() {
    return plan;
  }

  public boolean isFree() {
    return "FREE".equals(plan);
  }

  public String getSettlementMethod() {
    return settlementMethod;
  }

  public Long getCloudAccountId() {
    return cloudAccountId;
  }

  public String getStatus() {
    return status;
  }

  public boolean isLocked() {
    return !"ACTIVE".equals(status);
  }

  public String getCountdownEnd() {
    return countdownEnd;
  }

  public long getCountdownDaysLeft() {
    return countdownDaysLeft;
  }

  /** Whether it takes no usage while locked: locked again soon after an earlier lock. */
  public boolean isUsageStopped() {
    return usageStopped;
  }
}
