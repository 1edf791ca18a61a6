package com.billingcenter.account.boundary;

import com.billingcenter.notice.control.Mail;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Locale;

/**
 * The background half of {@link PasswordResets#request}: looks the account up and issues its link
 * in a transaction of its own, then mails the link once that has committed. Whoever asked has had
 * their answer already, the same whatever happens here.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PasswordResetMails {

  @Inject PasswordResetLinks links;
  @Inject Mail mail;

  @Asynchronous
  public void send(String nameOrLogin, String address, Locale language) {
    links
        .issue(nameOrLogin, address, language)
        .ifPresent(letter -> mail.send(letter.to(), letter.subject(), letter.body()));
  }
}
