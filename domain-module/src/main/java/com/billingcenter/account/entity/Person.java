package com.billingcenter.account.entity;

/**
 * Who acts for an account: its own login or a team member, with their role in it.
 *
 * @param accountId the account they act for
 * @param accountUsername the account's user name (its own login's)
 * @param name the person's user name (the account's for its own login)
 * @param role what they may do
 * @param memberId their membership, or null for the account's own login
 */
public record Person(
    long accountId, String accountUsername, String name, Role role, Long memberId) {

  /** The account's own login, acting for it: an owner. */
  public static Person ownLogin(BillingAccount account) {
    return new Person(account.id(), account.username(), account.username(), Role.OWNER, null);
  }

  /** Whether they may do what {@code permission} names. */
  public boolean may(Role.Permission permission) {
    return role.may(permission);
  }

  /** Whether they may give {@code role} to a member: owners only by those who manage owners. */
  public boolean mayGive(Role role) {
    return may(Role.Permission.MEMBERS) && (role != Role.OWNER || may(Role.Permission.OWNERS));
  }

  /**
   * Whether they may change or remove {@code member}: one whose role they may give, never
   * themselves.
   */
  public boolean mayManage(Member member) {
    return mayGive(member.role()) && !member.id().equals(memberId);
  }

  /**
   * Refuses what their role may not do.
   *
   * @throws AccountRuleViolation {@code role.forbidden}
   */
  public void require(Role.Permission permission) {
    if (!may(permission)) {
      throw forbidden();
    }
  }

  /** The refusal of what their role may not do ({@code role.forbidden}). */
  public AccountRuleViolation forbidden() {
    return new AccountRuleViolation(
        "role.forbidden", "Your role (" + role.code() + ") may not do this.");
  }
}
