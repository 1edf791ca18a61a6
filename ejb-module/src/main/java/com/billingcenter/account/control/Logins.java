package com.billingcenter.account.control;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Login;
import com.billingcenter.account.entity.Member;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a login, the account's own or a team member's who joined, by its user name or its login
 * account (an e-mail address, told apart by its {@code @}).
 */
public final class Logins {

  private Logins() {}

  /** The login {@code name} names: a user name, or a login account when it has an {@code @}. */
  public static Optional<Login> find(EntityManager em, String name) {
    boolean address = name.contains("@");
    String key = address ? name.toLowerCase(Locale.ROOT) : name;
    Optional<Login> own =
        em.createNamedQuery(
                address ? BillingAccount.BY_LOGIN_ACCOUNT : BillingAccount.BY_USERNAME,
                BillingAccount.class)
            .setParameter(address ? "loginAccount" : "username", key)
            .getResultStream()
            .findFirst()
            .map(Login.class::cast);
    if (own.isPresent()) {
      return own;
    }
    return em.createNamedQuery(address ? Member.BY_LOGIN_ACCOUNT : Member.BY_USERNAME, Member.class)
        .setParameter(address ? "loginAccount" : "username", key)
        .getResultStream()
        .filter(Member::joined)
        .findFirst()
        .map(Login.class::cast);
  }
}
