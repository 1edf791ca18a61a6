package com.billingcenter.workspace.web;

import com.billingcenter.account.entity.Role;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.platform.web.BillingAuthenticationMechanism;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.LinkTokens;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.Requires;
import com.billingcenter.site.control.Sites;
import com.billingcenter.workspace.boundary.LockPages;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code locked.xhtml}: why a workspace is locked, until when, and the two ways on: Unlock (choose
 * a new settlement method, signed in) and Dissolve (delete it, signed in as its owner, confirmed by
 * typing its name). Opened either by the link of the lock notice's mail ({@code ?t=…}, moved to a
 * cookie by {@link LinkTokens}: no sign-in needed to read it) or by the signed-in owner ({@code
 * ?id=N}; signing in first when needed).
 */
@Named
@ViewScoped
public class LockedView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Caller caller;
  @Inject Workspaces workspaces;
  @Inject LockPages lockPages;
  @Inject Sites sites;
  @Inject Clock clock;

  /** What the page shows: the lock, a dissolved workspace, or that there is nothing to show. */
  public enum State {
    /** No workspace was asked for, or none of the caller's. */
    NONE,
    /** The mailed link has expired or is not one. */
    INVALID,
    /** The workspace is not locked (any more). */
    ACTIVE,
    LOCKED,
    DISSOLVED
  }

  /**
   * The page: its state, the workspace with its site in the page's language, when it was locked (or
   * dissolved) and why (a message key, e.g. {@code locked.reason.cloudAccount.ended}), whether the
   * visitor is signed in and is its owner.
   */
  public record Page(
      State state,
      WorkspaceRow workspace,
      String siteName,
      String lockedAt,
      String dissolvedAt,
      String reasonKey,
      boolean owner,
      boolean signedIn)
      implements Serializable {

    static Page without(State state, boolean signedIn) {
      return new Page(state, null, "", null, null, null, false, signedIn);
    }
  }

  private Long id;
  private Page page = Page.without(State.NONE, false);
  private String typedName;

  /** The view action: finds the workspace through the link, or as the signed-in owner's. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    ExternalContext external = faces.getExternalContext();
    boolean signedIn = external.getUserPrincipal() != null;
    page = Page.without(State.NONE, signedIn);
    Optional<Workspace> found = Optional.empty();
    // The mail's ?t= was moved to a cookie by LinkTokens before the page opened.
    String t =
        id != null
            ? null
            : LinkTokens.LOCK.of((HttpServletRequest) external.getRequest()).orElse(null);
    if (t != null) {
      found = lockPages.byLink(t);
      if (found.isEmpty()) {
        page = Page.without(State.INVALID, signedIn);
        return;
      }
    } else if (id != null) {
      if (!signedIn) {
        ((HttpSession) external.getSession(true))
            .setAttribute(BillingAuthenticationMechanism.AFTER_LOGIN, "/locked.xhtml?id=" + id);
        external.redirect(external.getRequestContextPath() + "/login.xhtml");
        return;
      }
      found = workspaces.find(caller.account(), id);
    }
    found.ifPresent(w -> show(w, faces, signedIn));
  }

  private void show(Workspace w, FacesContext faces, boolean signedIn) {
    boolean owner = signedIn && caller.account().id().equals(w.ownerId());
    WorkspaceRow row = new WorkspaceRow(w, clock.instant());
    Locale locale = faces.getViewRoot().getLocale();
    String siteName = sites.find(w.siteCode()).map(s -> s.name(locale)).orElse(w.siteCode());
    id = w.id();
    if (w.status() == WorkspaceStatus.DISSOLVED) {
      page =
          new Page(
              State.DISSOLVED,
              row,
              siteName,
              null,
              UtcTimes.MINUTES.format(w.dissolvedAt()),
              null,
              owner,
              signedIn);
    } else if (w.lockedAt() != null) {
      String reason = w.lockReason() == null ? "other" : w.lockReason();
      page =
          new Page(
              State.LOCKED,
              row,
              siteName,
              UtcTimes.MINUTES.format(w.lockedAt()),
              null,
              "locked.reason." + reason,
              owner,
              signedIn);
    } else {
      page = new Page(State.ACTIVE, row, siteName, null, null, null, owner, signedIn);
    }
  }

  /** Dissolve: the signed-in owner, who typed the workspace's name. */
  @Requires(Role.Permission.WORKSPACES)
  public void dissolve() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.getExternalContext().getUserPrincipal() == null || !page.owner() || id == null) {
      Messages.error(faces, null, "locked.dissolve.ownerOnly");
      return;
    }
    String name;
    try {
      name = workspaces.dissolve(caller.account(), id, typedName).name();
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

  public Page getPage() {
    return page;
  }

  public String getTypedName() {
    return typedName;
  }

  public void setTypedName(String typedName) {
    this.typedName = typedName;
  }
}
