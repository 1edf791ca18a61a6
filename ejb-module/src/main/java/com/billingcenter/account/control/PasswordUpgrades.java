package com.billingcenter.account.control;

import com.billingcenter.account.entity.Login;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;

/**
 * Hashes a password again when its stored hash is {@link PasswordHashing#outdated}, right after it
 * was checked at sign-in (the only moment the password is at hand). A failure is logged and never
 * fails the sign-in: the old hash still verifies.
 */
@Stateless
public class PasswordUpgrades {

  private static final Logger LOG = Logger.getLogger(PasswordUpgrades.class.getName());

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing passwordHashing;

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void rehash(String username, String password) {
    Login account = Logins.find(em, username).orElse(null);
    if (account == null || !passwordHashing.outdated(account.passwordHash())) {
      return;
    }
    if (!passwordHashing.verify(password, account.passwordHash())) {
      return;
    }
    account.rehash(passwordHashing.hash(password));
    LOG.fine(() -> "The password hash of " + username + " was made stronger");
  }
}
