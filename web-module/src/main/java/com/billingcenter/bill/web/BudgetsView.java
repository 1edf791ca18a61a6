package com.billingcenter.bill.web;

import com.billingcenter.account.entity.Role;
import com.billingcenter.bill.boundary.Budgets;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.Requires;
import com.billingcenter.usage.control.BillingItems;
import com.billingcenter.workspace.boundary.WorkspaceQuery;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The Budgets page: the account's budgets with the cost so far in their periods, a form to set one
 * (over the account, a workspace or a billing item; per day or month) and removing one.
 */
@Named
@ViewScoped
public class BudgetsView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Budgets budgets;
  @Inject Caller caller;
  @Inject Workspaces workspaces;
  @Inject BillingItems items;

  /** What a new budget is over: {@code account}, {@code w:<id>} or {@code i:<item>}. */
  private String scope = "account";

  private String period = "month";
  private BigDecimal amount;
  private String currency = "USD";
  private List<String> notify = new ArrayList<>(List.of("owner", "finance"));
  private List<Budgets.Standing> standings;
  private Boolean mayChange;

  /**
   * Whether the page shows the form and the remove buttons: the caller's role as the page was first
   * shown (a role lowered meanwhile is refused at the click, and the page says why).
   */
  public boolean isMayChange() {
    if (mayChange == null) {
      mayChange = caller.may(Role.Permission.BUDGETS.name());
    }
    return mayChange;
  }

  public List<Budgets.Standing> getStandings() {
    if (standings == null) {
      standings = budgets.standings(caller.account());
    }
    return standings;
  }

  /** The choices of what a budget is over: the account, each workspace, each billing item. */
  public List<SelectItem> getScopes() {
    FacesContext faces = FacesContext.getCurrentInstance();
    List<SelectItem> scopes = new ArrayList<>();
    scopes.add(new SelectItem("account", Messages.text(faces, "budgets.scope.account")));
    for (Workspace w :
        workspaces.list(caller.account(), WorkspaceQuery.firstPage(WorkspaceQuery.MAX_PAGE_SIZE))) {
      scopes.add(new SelectItem("w:" + w.id(), w.name()));
    }
    String language = faces.getViewRoot().getLocale().getLanguage();
    items
        .all()
        .forEach(i -> scopes.add(new SelectItem("i:" + i.code(), items.name(i.code(), language))));
    return scopes;
  }

  /** What a budget is over, as the page says it. */
  public String scopeOf(Budgets.Budget budget) {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (budget.workspaceId() != null) {
      return workspaces
          .find(caller.account(), budget.workspaceId())
          .map(Workspace::name)
          .orElse("#" + budget.workspaceId());
    }
    if (budget.billingItem() != null) {
      return items.name(budget.billingItem(), faces.getViewRoot().getLocale().getLanguage());
    }
    return Messages.text(faces, "budgets.scope.account");
  }

  @Requires(Role.Permission.BUDGETS)
  public void create() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Long workspaceId = null;
    String item = null;
    try {
      if (scope != null && scope.startsWith("w:")) {
        workspaceId = Long.parseLong(scope.substring(2));
      } else if (scope != null && scope.startsWith("i:")) {
        item = scope.substring(2);
      }
      budgets.create(caller.account(), workspaceId, item, period, amount, currency, notify);
      standings = null;
      amount = null;
      Messages.info(faces, "budgets.set");
    } catch (RuleViolation e) {
      Messages.error(faces, null, e.code());
    } catch (NumberFormatException e) {
      Messages.error(faces, null, "workspace.notFound");
    }
  }

  @Requires(Role.Permission.BUDGETS)
  public void delete(long id) {
    budgets.delete(caller.account(), id);
    standings = null;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getPeriod() {
    return period;
  }

  public void setPeriod(String period) {
    this.period = period;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public void setAmount(BigDecimal amount) {
    this.amount = amount;
  }

  /** The roles a new budget's alerts are mailed to. */
  public List<String> getNotify() {
    return notify;
  }

  public void setNotify(List<String> notify) {
    this.notify = notify;
  }

  /** Who a budget's alerts are mailed to, as the page says it. */
  public String notifiedOf(Budgets.Budget budget) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return budget.recipients().stream()
        .sorted()
        .map(r -> Messages.text(faces, "role." + r.code()))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }
}
