package com.billingcenter.workspace.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code locked.xhtml?id=N}: why workspace N is locked, what that means, until when it can be
 * unlocked, and the way to unlock it. Only the account's own workspaces are shown.
 */
@Named
@RequestScoped
public class LockedView {

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject Clock clock;

  private Long id;
  private WorkspaceRow workspace;
  private String lockedAt;
  private String reason;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  /** The view action: loads the workspace if it is the caller's and locked. */
  public void load() {
    if (id == null) {
      return;
    }
    String username =
        FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    Optional<Workspace> found = workspaces.find(accounts.require(username), id);
    found
        .filter(w -> w.lockedAt() != null)
        .ifPresent(
            w -> {
              workspace = new WorkspaceRow(w, clock.instant());
              lockedAt = WorkspaceRow.UTC.format(w.lockedAt());
              reason = w.lockReason();
            });
  }

  public WorkspaceRow getWorkspace() {
    return workspace;
  }

  public String getLockedAt() {
    return lockedAt;
  }

  /** The message key of the reason, e.g. {@code locked.reason.cloudAccount.ended}. */
  public String getReasonKey() {
    return "locked.reason." + (reason == null ? "other" : reason);
  }
}
