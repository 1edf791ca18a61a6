package com.billingcenter.account.boundary;

import com.billingcenter.notice.control.Mail;
import jakarta.annotation.Resource;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Mails the confirmation link of a login e-mail address in the background: when an account has been
 * registered (once its transaction has committed), and when its owner asks again.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LoginVerificationMails {

  /** An account was registered. */
  public record Registered(long accountId) {}

  @Inject LoginVerifications verifications;
  @Inject Mail mail;
  @Resource SessionContext context;

  /** After the registration has committed; the mail itself in the background. */
  public void registered(@Observes(during = TransactionPhase.AFTER_SUCCESS) Registered event) {
    context.getBusinessObject(LoginVerificationMails.class).send(event.accountId());
  }

  @Asynchronous
  public void send(long accountId) {
    verifications
        .issue(accountId)
        .ifPresent(letter -> mail.send(letter.to(), letter.subject(), letter.body()));
  }
}
