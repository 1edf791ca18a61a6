package com.billingcenter.notice.control;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Member;
import com.billingcenter.account.entity.Role;
import com.billingcenter.notice.entity.Notice;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Sends a notice by e-mail to the account's login when it is an e-mail address ({@link Mail}), and
 * to the team's members whose role the notice is for (the owners, unless it says otherwise). A
 * notice that was mailed is marked so; one that could not be is shown in the Billing Center as
 * always. A notice may come with a link that only the mail carries (the lock page's, which opens
 * without signing in): it is added below the notice's text and never stored with it.
 */
@Stateless
public class NoticeMailer {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Mail mail;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void mail(long noticeId, String mailedLink, Set<Role> roles) {
    Notice notice = em.find(Notice.class, noticeId);
    BillingAccount owner = notice == null ? null : em.find(BillingAccount.class, notice.ownerId());
    if (owner == null) {
      return;
    }
    String body = mailedLink == null ? notice.body() : notice.body() + "\n\n" + mailedLink;
    boolean sent = false;
    for (String to : recipients(owner, roles)) {
      sent |= mail.send(to, notice.subject(), body);
    }
    if (sent) {
      notice.emailed(clock);
    }
  }

  /**
   * The account's own login (an owner, when owners are told) and the members who joined with one of
   * {@code roles}: their addresses, each once.
   */
  private Set<String> recipients(BillingAccount owner, Set<Role> roles) {
    Set<String> to = new LinkedHashSet<>();
    if (roles.contains(Role.OWNER) && Mail.mailable(owner.loginAccount())) {
      to.add(owner.loginAccount());
    }
    em.createNamedQuery(Member.OF_ACCOUNT, Member.class)
        .setParameter("accountId", owner.id())
        .getResultStream()
        .filter(m -> m.joined() && roles.contains(m.role()))
        .map(Member::loginAccount)
        .filter(Mail::mailable)
        .forEach(to::add);
    return to;
  }
}
