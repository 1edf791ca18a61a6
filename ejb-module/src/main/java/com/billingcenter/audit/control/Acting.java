package com.billingcenter.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * Who acts in this request for a customer's account, when that is a team member rather than the
 * account's own login: the web layer says so once it knows the caller, and {@link Audit} names that
 * person where a change is recorded under the account's user name. Timers and AWS's calls set
 * nothing here.
 */
@RequestScoped
public class Acting {

  private Long accountId;
  private String accountUsername;
  private String person;

  /** {@code person} acts for the account {@code accountId} (user name {@code accountUsername}). */
  public void set(long accountId, String accountUsername, String person) {
    this.accountId = accountId;
    this.accountUsername = accountUsername;
    this.person = person;
  }

  /** The person to name for {@code actor} in an entry of {@code accountId}. */
  String actorFor(Long accountId, String actor) {
    return person != null && this.accountId.equals(accountId) && this.accountUsername.equals(actor)
        ? person
        : actor;
  }
}
