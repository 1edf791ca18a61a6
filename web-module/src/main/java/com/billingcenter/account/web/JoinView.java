package com.billingcenter.account.web;

import com.billingcenter.account.boundary.Members;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.LinkCookie;
import com.billingcenter.platform.web.LinkTokens;
import com.billingcenter.platform.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;

/**
 * {@code join.xhtml}: the page an invitation mail opens (its {@code ?token=} moved to a cookie by
 * {@link LinkTokens}). The invitee chooses a user name and a password, entered twice; the
 * invitation is then used up and they sign in.
 */
@Named
@ViewScoped
public class JoinView extends MailedLinkForm {

  private static final long serialVersionUID = 1L;

  @Inject Members members;

  private Members.Invited invited;

  @Override
  protected LinkCookie cookie() {
    return LinkTokens.JOIN;
  }

  @Override
  protected void opened(String token) {
    invited = token == null ? null : members.invitation(token).orElse(null);
  }

  public void join() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!getForm().confirmed(faces, "join:confirmation")) {
      return;
    }
    try {
      members.join(token, getForm().getUsername(), getForm().getPassword());
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
      if (refused.code().startsWith("invitation.")) {
        invited = null;
      }
      return;
    }
    toLogin(faces, "join.done");
  }

  public Members.Invited getInvited() {
    return invited;
  }
}
