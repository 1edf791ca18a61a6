package com.billingcenter.workspace.boundary;

import com.billingcenter.account.control.MailedLinks;
import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;

/**
 * The lock page of a workspace opened through the link its lock notice mailed ({@link
 * com.billingcenter.notice.control.Notices#workspaceLocked}): the link names one workspace and
 * opens its page, without signing in, until it expires. It shows; it changes nothing.
 */
@Stateless
public class LockPages {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** The workspace a lock page link names, while the link opens it (dissolved ones included). */
  public Optional<Workspace> byLink(String token) {
    return MailedLinks.open(em, token, MailedLink.Purpose.LOCK_PAGE, clock.instant(), false)
        .map(link -> em.find(Workspace.class, link.workspaceId()));
  }
}
