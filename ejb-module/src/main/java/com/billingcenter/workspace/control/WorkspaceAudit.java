package com.billingcenter.workspace.control;

import com.billingcenter.audit.control.Audit;
import com.billingcenter.platform.control.JsonText;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Map;

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

  /**
   * As {@link #changed(Workspace, String, String, String)}, for a change the product's staff made
   * for the customer: the after value also says why ({@code reason}).
   */
  public void changedByStaff(
      Workspace workspace, String actor, String action, String before, String reason) {
    changedByStaff(workspace, actor, action, before, reason, Map.of());
  }

  /** As {@link #changedByStaff(Workspace, String, String, String, String)}, with {@code more}. */
  public void changedByStaff(
      Workspace workspace,
      String actor,
      String action,
      String before,
      String reason,
      Map<String, String> more) {
    var after = JsonText.PROVIDER.createObjectBuilder(JsonText.object(describe(workspace)));
    more.forEach(after::add);
    audit.record(
        workspace.ownerId(),
        actor,
        action,
        SUBJECT,
        workspace.id(),
        before,
        after.add("reason", reason).build().toString());
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
    w.countdownEnd().ifPresent(end -> json.add("countdownEndsAt", end.toString()));
    return json.build().toString();
  }
}
