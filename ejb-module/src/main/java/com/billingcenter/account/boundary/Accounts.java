package com.billingcenter.account.boundary;

import com.billingcenter.account.control.PasswordHashing;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.PasswordPolicy;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;

/** Registers Billing Center accounts and finds them by user name. */
@Stateless
public class Accounts {

  private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing passwordHashing;
  @Inject Clock clock;

  /**
   * Opens a new account. Refuses, with an {@link AccountRuleViolation} and nothing stored, a user
   * name or login account that is malformed or already taken, and a weak password.
   */
  public BillingAccount register(String username, String loginAccount, String password) {
    BillingAccount.checkUsername(username);
    String login = BillingAccount.normalizeLoginAccount(loginAccount);
    PasswordPolicy.check(password, username);
    if (findByUsername(username).isPresent()) {
      throw new AccountRuleViolation("username.taken", "This user name is already taken.");
    }
    if (!em.createNamedQuery(BillingAccount.BY_LOGIN_ACCOUNT, BillingAccount.class)
        .setParameter("loginAccount", login)
        .getResultList()
        .isEmpty()) {
      throw new AccountRuleViolation(
          "loginAccount.taken", "This login account already belongs to another user.");
    }
    BillingAccount account =
        BillingAccount.register(username, login, passwordHashing.hash(password), clock);
    em.persist(account);
    try {
      em.flush();
    } catch (PersistenceException raced) {
      // Two registrations of one name at the same moment: the unique constraint decides.
      throw new AccountRuleViolation("username.taken", "This user name is already taken.");
    }
    LOG.info(() -> "Registered Billing Center account " + account.username());
    return account;
  }

  public Optional<BillingAccount> findByUsername(String username) {
    return em.createNamedQuery(BillingAccount.BY_USERNAME, BillingAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }
}
