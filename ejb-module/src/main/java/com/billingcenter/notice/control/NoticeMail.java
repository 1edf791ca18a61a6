package com.billingcenter.notice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Mails each notice once the change that wrote it has committed (a rolled-back change sends
 * nothing), in the background so that the request that caused it does not wait for the mail server.
 */
@ApplicationScoped
public class NoticeMail {

  @Inject NoticeMailer mailer;

  void written(@Observes(during = TransactionPhase.AFTER_SUCCESS) NoticeWritten written) {
    mailer.mail(written.noticeId(), written.mailedLink(), written.roles());
  }
}
