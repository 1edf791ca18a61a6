package com.billingcenter.account.entity;

import com.billingcenter.platform.entity.RuleViolation;

/** A rule on an account (user name, login account, password) was broken by the input. */
public class AccountRuleViolation extends RuleViolation {

  public AccountRuleViolation(String code, String message) {
    super(code, message);
  }
}
