package com.billingcenter.account.entity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a member of a customer's team may do. The account's own login (the one that registered it)
 * is always an {@link #OWNER}; the people it invites take one of these roles.
 */
public enum Role {
  /** Everything, including making and removing other owners. */
  OWNER(EnumSet.allOf(Permission.class)),
  /** Workspaces, settlement methods, cloud accounts and members, but not owners. */
  ADMIN(
      EnumSet.of(
          Permission.READ,
          Permission.OWN_CREDENTIALS,
          Permission.WORKSPACES,
          Permission.CLOUD_ACCOUNTS,
          Permission.MEMBERS)),
  /** Bills, consumption, the metering ledger and reconciliation (reading) and the budgets. */
  FINANCE(EnumSet.of(Permission.READ, Permission.OWN_CREDENTIALS, Permission.BUDGETS)),
  /** Reads everything the account has, changes nothing but their own password and tokens. */
  VIEWER(EnumSet.of(Permission.READ, Permission.OWN_CREDENTIALS));

  /** What a role may do. Every state-changing page action and API call asks for one. */
  public enum Permission {
    /** Read the account's pages and API. */
    READ,
    /** Their own password and their own API tokens. */
    OWN_CREDENTIALS,
    /** Create workspaces, open Commercial Plans, change settlement methods, dissolve. */
    WORKSPACES,
    /** Bind cloud accounts (AWS registrations) to workspaces. */
    CLOUD_ACCOUNTS,
    /** Invite and remove members, change their roles (not owners'). */
    MEMBERS,
    /** Make, demote and remove owners. */
    OWNERS,
    /** Set and remove budgets and spend alerts. */
    BUDGETS
  }

  private final Set<Permission> permissions;

  Role(Set<Permission> permissions) {
    this.permissions = permissions;
  }

  /** Whether this role may do what {@code permission} names. */
  public boolean may(Permission permission) {
    return permissions.contains(permission);
  }

  /**
   * A role from its name in any case ({@code owner}, {@code FINANCE}).
   *
   * @throws AccountRuleViolation {@code member.role} for anything else
   */
  public static Role parse(String text) {
    try {
      return valueOf(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AccountRuleViolation("member.role", "A role is owner, admin, finance or viewer.");
    }
  }

  /** The role's name as the API writes it ({@code finance}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
