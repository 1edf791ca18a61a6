package com.billingcenter.account.control;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Login;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/**
 * Validates a user name (or the login account, e.g. an e-mail address) and password against the
 * accounts in the database. Unknown user and wrong password fail the same way, in the same time.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  private static final int MAX_PASSWORD_LENGTH = 1024;

  @PersistenceContext EntityManager em;
  @Inject PasswordHashing passwordHashing;
  @Inject VerifiedCredentials verified;
  @Inject PasswordUpgrades upgrades;

  public CredentialValidationResult validate(UsernamePasswordCredential credential) {
    String name = credential.getCaller() == null ? "" : credential.getCaller().trim();
    String password = credential.getPasswordAsString();
    if (name.isEmpty()
        || name.length() > 254
        || password == null
        || password.length() > MAX_PASSWORD_LENGTH) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Login account = Logins.find(em, name).orElse(null);
    if (account == null) {
      passwordHashing.verifyDecoy(password);
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (!verified.recentlyVerified(account.username(), password, account.passwordHash())) {
      if (!passwordHashing.verify(password, account.passwordHash())) {
        return CredentialValidationResult.INVALID_RESULT;
      }
      if (passwordHashing.outdated(account.passwordHash())) {
        try {
          upgrades.rehash(account.username(), password);
        } catch (RuntimeException e) {
          // The old hash still verifies; the next sign-in tries again.
          java.util.logging.Logger.getLogger(AccountIdentityStore.class.getName())
              .warning(() -> "A password hash could not be made stronger: " + e);
        }
      }
      verified.remember(account.username(), password, account.passwordHash());
    }
    return new CredentialValidationResult(account.username(), Set.of(BillingAccount.CUSTOMER_ROLE));
  }

  /**
   * Whether this credential was verified right within the verified-credential cache's time: then
   * checking it costs no password hash, and guesses (which are never in the cache) are not it.
   */
  public boolean recentlyVerified(UsernamePasswordCredential credential) {
    String name = credential.getCaller() == null ? "" : credential.getCaller().trim();
    String password = credential.getPasswordAsString();
    if (name.isEmpty() || name.length() > 254 || password == null) {
      return false;
    }
    Login account = Logins.find(em, name).orElse(null);
    return account != null
        && verified.recentlyVerified(account.username(), password, account.passwordHash());
  }
}
