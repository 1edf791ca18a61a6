package com.billingcenter.account.boundary;

import com.billingcenter.notice.control.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Mails an invitation once it has committed ({@link Members#invite}): a failed invitation sends
 * nothing, and the link in a sent one always opens.
 */
@ApplicationScoped
public class InvitationMails {

  @Inject Mail mail;

  void invited(@Observes(during = TransactionPhase.AFTER_SUCCESS) Members.Invitation invitation) {
    mail.send(invitation.to(), invitation.subject(), invitation.body());
  }
}
