package com.billingcenter.notice.control;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.notice.entity.Notice;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/**
 * Sends a notice by e-mail to the account's login when it is an e-mail address ({@link Mail}). A
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
  public void mail(long noticeId, String mailedLink) {
    Notice notice = em.find(Notice.class, noticeId);
    BillingAccount owner = notice == null ? null : em.find(BillingAccount.class, notice.ownerId());
    if (owner == null || !Mail.mailable(owner.loginAccount())) {
      return;
    }
    String body = mailedLink == null ? notice.body() : notice.body() + "\n\n" + mailedLink;
    if (mail.send(owner.loginAccount(), notice.subject(), body)) {
      notice.emailed(clock);
    }
  }
}
