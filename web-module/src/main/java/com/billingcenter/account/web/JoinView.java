package com.billingcenter.account.web;

import com.billingcenter.account.boundary.Members;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.LinkTokens;
import com.billingcenter.platform.web.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;

/**
 * {@code join.xhtml}: the page an invitation mail opens (its {@code ?token=} moved to a cookie by
 * {@link LinkTokens}). The invitee chooses a user name and a password, entered twice; the
 * invitation is then used up and they sign in.
 */
@Named
@ViewScoped
public class JoinView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Members members;

  private String token;
  private Members.Invited invited;
  private final AccountForm form = new AccountForm();

  /** The view action: is the invitation still open, and to what. */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    token =
        LinkTokens.JOIN
            .of((HttpServletRequest) faces.getExternalContext().getRequest())
            .orElse(null);
    invited = token == null ? null : members.invitation(token).orElse(null);
  }

  public void join() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!form.confirmed(faces, "join:confirmation")) {
      return;
    }
    try {
      members.join(token, form.getUsername(), form.getPassword());
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
      if (refused.code().startsWith("invitation.")) {
        invited = null;
      }
      return;
    }
    ExternalContext external = faces.getExternalContext();
    LinkTokens.JOIN.forget(
        (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse());
    external.getFlash().setKeepMessages(true);
    Messages.info(faces, "join.done");
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }

  public Members.Invited getInvited() {
    return invited;
  }

  public AccountForm getForm() {
    return form;
  }
}
