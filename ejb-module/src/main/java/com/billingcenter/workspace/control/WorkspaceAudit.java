package com.billingcenter.workspace.control;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** A workspace's changes in its owner's audit log, each with the workspace before and after. */
@Dependent
public class WorkspaceAudit {

  /** The subject type of a workspace's audit entries. */
  public static final String SUBJECT = "workspace";

  @Inject Audit audit;

  /**
   * Records that {@code actor} did {@code action} to the workspace, which was {@code before} (a
   * {@link #describe description}, null when it did not exist) and is as it is now.
   */
  public void changed(Workspace workspace, String actor, String action, String before) {
    audit.record(
        workspace.ownerId(), actor, action, SUBJECT, workspace.id(), before, describe(workspace));
  }

  /** A workspace as the audit log keeps it: a small JSON object. */
  public static String describe(Workspace w) {
    var json =
        JsonText.PROVIDER
            .createObjectBuilder()
            .add("name", w.name())
            .add("site", w.siteCode())
            .add("language", w.language().code())
            .add("plan", w.plan().name())
            .add("settlement", w.settlement().toString())
            .add("status", w.status().name());
    if (w.lockedAt() != null) {
      json.add("lockedAt", w.lockedAt().toString());
    }
    return json.build().toString();
  }
}
