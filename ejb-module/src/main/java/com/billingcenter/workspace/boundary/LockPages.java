package com.billingcenter.workspace.boundary;

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
    return MailedLink.hashOf(token)
        .flatMap(
            hash ->
                em.createNamedQuery(MailedLink.BY_TOKEN_HASH, MailedLink.class)
                    .setParameter("tokenHash", hash)
                    .getResultStream()
                    .findFirst())
        .filter(link -> link.purpose() == MailedLink.Purpose.LOCK_PAGE)
        .filter(link -> link.opensAt(clock.instant()))
        .map(link -> em.find(Workspace.class, link.workspaceId()));
  }
}
