package com.billingcenter.account.web;

import com.billingcenter.platform.web.LinkCookie;
import com.billingcenter.platform.web.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;

/**
 * A page a mailed link opens with a form of passwords (a password reset, joining a team): the
 * link's token, read from its cookie ({@code platform.web.LinkTokens}) when the page is first
 * shown, and, once the form has done its work, the way to the login page.
 */
public abstract class MailedLinkForm implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The link's token, or null when the page was opened without one. */
  protected String token;

  private final AccountForm form = new AccountForm();

  /** The cookie the page's token is kept in. */
  protected abstract LinkCookie cookie();

  /** Looks up what the link opens ({@code token} may be null: nothing). */
  protected abstract void opened(String token);

  /** The view action: what the link opens, when the page is first shown. */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    token = cookie().of((HttpServletRequest) faces.getExternalContext().getRequest()).orElse(null);
    opened(token);
  }

  /**
   * The link has done its work: its cookie is forgotten and the login page says {@code messageKey}.
   */
  protected void toLogin(FacesContext faces, String messageKey) throws IOException {
    ExternalContext external = faces.getExternalContext();
    cookie()
        .forget(
            (HttpServletRequest) external.getRequest(),
            (HttpServletResponse) external.getResponse());
    external.getFlash().setKeepMessages(true);
    Messages.info(faces, messageKey);
    external.redirect(external.getRequestContextPath() + "/login.xhtml");
  }

  public AccountForm getForm() {
    return form;
  }
}
