package com.billingcenter.workspace.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.BillingAuthenticationMechanism;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.workspace.boundary.LockPages;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.security.Principal;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code locked.xhtml}: why a workspace is locked, until when, and the two ways on: Unlock (choose
 * a new settlement method, signed in) and Dissolve (delete it, signed in as its owner, confirmed by
 * typing its name). Opened either by the link of the lock notice's mail ({@code ?t=…}: no sign-in
 * needed to read it) or by the signed-in owner ({@code ?id=N}; signing in first when needed).
 */
@Named
@ViewScoped
public class LockedView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject LockPages lockPages;
  @Inject com.billingcenter.site.control.Sites sites;
  @Inject Clock clock;

  private Long id;
  private String t;

  /** What the page shows: the lock, a dissolved workspace, or that there is nothing to show. */
  private String state = "none";

  private WorkspaceRow workspace;
  private String lockedAt;
  private String dissolvedAt;
  private String reason;
  private boolean owner;
  private boolean signedIn;
  private String typedName;

  /** The view action: finds the workspace through the link, or as the signed-in owner's. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    ExternalContext external = faces.getExternalContext();
    Principal caller = external.getUserPrincipal();
    signedIn = caller != null;
    Optional<Workspace> found = Optional.empty();
    if (t != null) {
      found = lockPages.byLink(t);
      if (found.isEmpty()) {
        state = "invalid";
        return;
      }
    } else if (id != null) {
      if (caller == null) {
        ((HttpSession) external.getSession(true))
            .setAttribute(BillingAuthenticationMechanism.AFTER_LOGIN, "/locked.xhtml?id=" + id);
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
        return;
      }
      found = workspaces.find(accounts.require(caller.getName()), id);
    }
    found.ifPresent(w -> show(w, caller));
  }

  private void show(Workspace w, Principal caller) {
    owner =
        caller != null
            && accounts
                .findByUsername(caller.getName())
                .map(BillingAccount::id)
                .orElse(-1L)
                .equals(w.ownerId());
    workspace = new WorkspaceRow(w, clock.instant());
    id = w.id();
    if (w.status() == WorkspaceStatus.DISSOLVED) {
      state = "dissolved";
      dissolvedAt = WorkspaceRow.UTC.format(w.dissolvedAt());
    } else if (w.lockedAt() != null) {
      state = "locked";
      lockedAt = WorkspaceRow.UTC.format(w.lockedAt());
      reason = w.lockReason();
    } else {
      state = "active";
    }
  }

  /** Dissolve: the signed-in owner, who typed the workspace's name. */
  public void dissolve() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    Principal caller = faces.getExternalContext().getUserPrincipal();
    if (caller == null || !owner || id == null) {
      Messages.error(faces, null, "locked.dissolve.ownerOnly");
      return;
    }
    String name;
    try {
      name = workspaces.dissolve(accounts.require(caller.getName()), id, typedName).name();
    } catch (RuleViolation refused) {
      Messages.error(faces, "dissolve:typedName", refused.code());
      return;
    }
    ExternalContext external = faces.getExternalContext();
    external.getFlash().setKeepMessages(true);
    Messages.info(faces, "locked.dissolved", name);
    external.redirect(external.getRequestContextPath() + "/workspaces.xhtml");
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getT() {
    return t;
  }

  public void setT(String t) {
    this.t = t;
  }

  public String getState() {
    return state;
  }

  public WorkspaceRow getWorkspace() {
    return workspace;
  }

  /** The workspace's site in the page's language. */
  public String getSiteName() {
    var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return workspace == null
        ? ""
        : sites
            .find(workspace.getSiteCode())
            .map(s -> s.name(locale))
            .orElse(workspace.getSiteCode());
  }

  public String getLockedAt() {
    return lockedAt;
  }

  public String getDissolvedAt() {
    return dissolvedAt;
  }

  /** The message key of the reason, e.g. {@code locked.reason.cloudAccount.ended}. */
  public String getReasonKey() {
    return "locked.reason." + (reason == null ? "other" : reason);
  }

  public boolean isOwner() {
    return owner;
  }

  public boolean isSignedIn() {
    return signedIn;
  }

  public String getTypedName() {
    return typedName;
  }

  public void setTypedName(String typedName) {
    this.typedName = typedName;
  }
}
