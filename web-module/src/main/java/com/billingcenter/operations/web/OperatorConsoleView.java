package com.billingcenter.operations.web;

import com.billingcenter.operations.boundary.CustomerLookup;
import com.billingcenter.operations.boundary.OperatorActions;
import com.billingcenter.operations.boundary.Operators;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.workspace.control.WorkspaceCurrencies;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The operators' console: find a customer (user name, e-mail, workspace, AWS account id, license or
 * agreement id), see their workspaces, cloud accounts and audit log, and switch their arbitrary
 * selection with a reason (an operator only; an auditor reads).
 */
@Named
@ViewScoped
public class OperatorConsoleView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CustomerLookup lookup;
  @Inject transient OperatorActions actions;
  @Inject transient WorkspaceCurrencies currencies;

  private String query;
  private List<CustomerLookup.Found> found = List.of();
  private Long customerId;
  private CustomerLookup.Customer customer;
  private String reason;
  private Long workspaceId;
  private int days = 7;
  private Long currencyWorkspaceId;
  private String currency;

  /** The signed-in operator (the filter put them on the request). */
  public Operators.Operator getOperator() {
    return OperatorFilter.current();
  }

  public boolean isActing() {
    return OperatorFilter.acting();
  }

  public void search() {
    found = lookup.find(query);
    if (found.isEmpty()) {
      Messages.info(FacesContext.getCurrentInstance(), "ops.search.none");
    }
  }

  /** Opens the customer of {@code customerId} (the page's parameter). */
  public void load() {
    if (customerId != null) {
      customer = lookup.customer(customerId).orElse(null);
    }
  }

  public void switchArbitrarySelection() {
    act(
        "ops.arbitrary.done",
        () ->
            actions.allowArbitrarySelection(
                getOperator(), customer.accountId(), !customer.arbitrarySelection(), reason));
  }

  /** Extends the chosen workspace's countdown by the days typed. */
  public void extendCountdown() {
    act(
        "ops.extend.done",
        () ->
            actions.extendCountdown(
                getOperator(), workspaceId == null ? -1 : workspaceId, days, reason));
  }

  /** Switches the chosen workspace's currency from the next month on. */
  public void switchCurrency() {
    act(
        "ops.currency.done",
        () ->
            actions.switchCurrency(
                getOperator(),
                currencyWorkspaceId == null ? -1 : currencyWorkspaceId,
                currency,
                reason));
  }

  /** The currencies a workspace may switch to. */
  public List<String> getCurrencies() {
    return currencies.offered();
  }

  /** The workspaces that are not dissolved: the ones whose currency may switch. */
  public List<CustomerLookup.WorkspaceRow> getSwitchable() {
    return customer == null
        ? List.of()
        : customer.workspaces().stream().filter(w -> !"DISSOLVED".equals(w.status())).toList();
  }

  public Long getCurrencyWorkspaceId() {
    return currencyWorkspaceId;
  }

  public void setCurrencyWorkspaceId(Long currencyWorkspaceId) {
    this.currencyWorkspaceId = currencyWorkspaceId;
  }

  public String getCurrency() {
    return currency;
  }

  public void setCurrency(String currency) {
    this.currency = currency;
  }

  /** The workspaces whose countdown runs: the ones an operator may extend. */
  public List<CustomerLookup.WorkspaceRow> getCounting() {
    return customer == null
        ? List.of()
        : customer.workspaces().stream().filter(CustomerLookup.WorkspaceRow::counting).toList();
  }

  private void act(String done, Runnable action) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      action.run();
      reason = null;
      customer = lookup.customer(customer.accountId()).orElse(null);
      Messages.info(faces, done);
    } catch (RuleViolation e) {
      OperatorActionsView.refused(faces, e);
    }
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public void setWorkspaceId(Long workspaceId) {
    this.workspaceId = workspaceId;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public List<CustomerLookup.Found> getFound() {
    return found;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public void setCustomerId(Long customerId) {
    this.customerId = customerId;
  }

  public CustomerLookup.Customer getCustomer() {
    return customer;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
