package com.billingcenter.operations.web;

import com.billingcenter.operations.boundary.OperatorTokens;
import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The signed-in operator's API tokens: made with a name and a validity (90 days unless chosen), the
 * value shown this once, listed with their last use, revoked at once.
 */
@Named
@ViewScoped
public class OperatorTokensView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient OperatorTokens tokens;

  private String name;
  private int days = 90;
  private String made;

  private Operators.Operator operator() {
    return OperatorFilter.current();
  }

  public List<com.billingcenter.platform.control.TokenTable.Token> getTokens() {
    return tokens.of(operator());
  }

  public void make() {
    try {
      made = tokens.make(operator(), name, days).value();
      name = null;
    } catch (RuleViolation e) {
      Messages.error(FacesContext.getCurrentInstance(), null, "ops." + e.code());
    }
  }

  public void revoke(long id) {
    tokens.revoke(operator(), id);
    made = null;
  }

  public String getMade() {
    return made;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }
}
