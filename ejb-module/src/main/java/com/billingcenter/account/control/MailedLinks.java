package com.billingcenter.account.control;

import com.billingcenter.account.entity.Login;
import com.billingcenter.account.entity.MailedLink;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The look-ups every kind of mailed link shares (a reset, a lock page, a confirmation of the login
 * e-mail address), and the texts of the account's mails.
 */
public final class MailedLinks {

  /** The account's mails, in English and Chinese. */
  private static final String MAILS = "com.billingcenter.account.mails";

  private MailedLinks() {}

  /**
   * The link of {@code purpose} that {@code token} names, while it opens at {@code now}; held for
   * update when {@code forUpdate}. Empty for a text that cannot be a token (never looked up).
   */
  public static Optional<MailedLink> open(
      EntityManager em, String token, MailedLink.Purpose purpose, Instant now, boolean forUpdate) {
    return MailedLink.hashOf(token)
        .flatMap(
            hash -> {
              var query =
                  em.createNamedQuery(MailedLink.BY_TOKEN_HASH, MailedLink.class)
                      .setParameter("tokenHash", hash);
              if (forUpdate) {
                query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
              }
              return query.getResultStream().findFirst();
            })
        .filter(link -> link.purpose() == purpose)
        .filter(link -> link.opensAt(now));
  }

  /** How many links of {@code purpose} the account was sent in the hour before {@code now}. */
  public static long sentInTheHour(
      EntityManager em, long accountId, MailedLink.Purpose purpose, Instant now) {
    return em.createNamedQuery(MailedLink.COUNT_SENT_SINCE, Long.class)
        .setParameter("accountId", accountId)
        .setParameter("purpose", purpose)
        .setParameter("since", now.minus(Duration.ofHours(1)))
        .getSingleResult();
  }

  /**
   * How many links of {@code purpose} were sent for {@code login} (the account's own, or one
   * member's) in the hour before {@code now}.
   */
  public static long sentInTheHour(
      EntityManager em, Login login, MailedLink.Purpose purpose, Instant now) {
    return em.createQuery(
            "select l from MailedLink l where l.accountId = :accountId and l.purpose = :purpose"
                + " and l.use.createdAt >= :since",
            MailedLink.class)
        .setParameter("accountId", login.accountId())
        .setParameter("purpose", purpose)
        .setParameter("since", now.minus(Duration.ofHours(1)))
        .getResultStream()
        .filter(l -> l.isFor(login))
        .count();
  }

  /** The texts of the account's mails in {@code language} (English where it has none). */
  public static ResourceBundle texts(Locale language) {
    return ResourceBundle.getBundle(
        MAILS,
        language,
        MailedLinks.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
