package com.billingcenter.platform.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.boundary.Members;
import com.billingcenter.account.entity.AccountRuleViolation;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Person;
import com.billingcenter.account.entity.Role;
import com.billingcenter.audit.control.Acting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The signed-in person of this request, a page's or an API call's (the authentication mechanism has
 * checked them by then): the account they act for and their role in it. Every page bean and
 * resource that acts for the caller asks here; pages ask {@code #{caller.may('WORKSPACES')}} to
 * hide what the role may not do (the server refuses it anyway: {@link Requires}).
 */
@Named
@RequestScoped
public class Caller {

  @Inject HttpServletRequest request;
  @Inject Accounts accounts;
  @Inject Members members;
  @Inject Acting acting;

  private Person person;

  /** The caller's user name (their own login's, a team member's or the account's). */
  public String username() {
    return request.getUserPrincipal().getName();
  }

  /**
   * Who the caller is, read once per request; the audit log names them from here on.
   *
   * @throws AccountRuleViolation {@code role.forbidden} for a member removed meanwhile
   */
  public Person person() {
    if (person == null) {
      person =
          members
              .person(username())
              .orElseThrow(
                  () ->
                      new AccountRuleViolation(
                          "role.forbidden", "You are no longer a member of this account."));
      acting.set(person.accountId(), person.accountUsername(), person.name());
    }
    return person;
  }

  /** Whether somebody is signed in (a page a mailed link opened may have nobody). */
  public boolean signedIn() {
    return request.getUserPrincipal() != null;
  }

  /** Whether the caller's role may do what {@code permission} (its name) says. */
  public boolean may(String permission) {
    return signedIn() && person().may(Role.Permission.valueOf(permission));
  }

  /**
   * Refuses what the caller's role may not do.
   *
   * @throws AccountRuleViolation {@code role.forbidden}
   */
  public void require(Role.Permission permission) {
    person().require(permission);
  }

  /**
   * Refuses a call made with an API token rather than the account's password: tokens are not for
   * managing tokens or the password (a token never makes a credential longer-lived than itself).
   *
   * @throws com.billingcenter.platform.entity.RuleViolation {@code token.forbidden}
   */
  public void requirePassword() {
    if (request.getAttribute(BillingAuthenticationMechanism.TOKEN_SCOPE) != null) {
      throw new com.billingcenter.platform.entity.RuleViolation(
          "token.forbidden", "This call needs the account's password, not an API token.");
    }
  }

  /** The Billing Center account the caller acts for, read now. */
  public BillingAccount account() {
    return accounts.require(person().accountUsername());
  }
}
