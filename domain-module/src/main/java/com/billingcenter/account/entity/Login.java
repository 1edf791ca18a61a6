package com.billingcenter.account.entity;

import java.time.Clock;
import java.time.Instant;

/**
 * What a person signs in with: the account's own login ({@link BillingAccount}) or a team member's
 * ({@link Member}). Both are checked, hashed again and changed the same way.
 */
public interface Login {

  /** The user name, unique over both kinds of login. */
  String username();

  /** The e-mail address (the account's login account, or the address a member was invited at). */
  String loginAccount();

  /**
   * Whether a password reset may be mailed to the address: confirmed (the account's by its link, a
   * member's by joining through the invitation mailed to it).
   */
  boolean loginVerified();

  /** The account this login opens. */
  Long accountId();

  String passwordHash();

  Instant passwordChangedAt();

  void changePasswordHash(String newPasswordHash, Clock clock);

  /** The same password hashed again more strongly: not a change of password. */
  void rehash(String strongerHash);

  /** The role this login has in its account. */
  Role role();
}
