package com.billingcenter.account.web;

import com.billingcenter.account.boundary.ApiTokens;
import com.billingcenter.account.entity.Role;
import com.billingcenter.platform.control.TokenTable;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.Requires;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The customer's API tokens page: a token is made with a name, a scope (read unless chosen) and a
 * validity (90 days unless chosen), its value shown this once; tokens are listed with their last
 * use and revoked at once.
 */
@Named
@ViewScoped
public class ApiTokensView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ApiTokens tokens;
  @Inject Caller caller;

  private String name;
  private String scope = "read";
  private int days = TokenTable.DEFAULT_DAYS;
  private String made;
  private List<TokenTable.Token> list;

  public List<TokenTable.Token> getTokens() {
    if (list == null) {
      list = tokens.of(caller.person());
    }
    return list;
  }

  @Requires(Role.Permission.OWN_CREDENTIALS)
  public void make() {
    try {
      made = tokens.make(caller.person(), name, scope, days).value();
      name = null;
      list = null;
    } catch (RuleViolation e) {
      Messages.error(FacesContext.getCurrentInstance(), null, e.code());
    }
  }

  @Requires(Role.Permission.OWN_CREDENTIALS)
  public void revoke(long id) {
    if (tokens.revoke(caller.person(), id)) {
      Messages.info(FacesContext.getCurrentInstance(), "tokens.revokedNow");
    }
    made = null;
    list = null;
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

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }
}
