package com.billingcenter.operations.web;

import com.billingcenter.operations.boundary.CustomerLookup;
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
 * The operators' console: find a customer (user name, e-mail, workspace, AWS account id, license or
 * agreement id), see their workspaces, cloud accounts and audit log, and switch their arbitrary
 * selection with a reason (an operator only; an auditor reads).
 */
@Named
@ViewScoped
public class OperatorConsoleView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CustomerLookup lookup;

  private String query;
  private List<CustomerLookup.Found> found = List.of();
  private Long customerId;
  private CustomerLookup.Customer customer;
  private String reason;

  /** The signed-in operator (the filter put them on the request). */
  public Operators.Operator getOperator() {
    return OperatorFilter.current();
  }

  public boolean isActing() {
    Operators.Operator operator = getOperator();
    return operator != null && operator.role() == Operators.Role.OPERATOR;
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
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      lookup.allowArbitrarySelection(
          getOperator(), customer.accountId(), !customer.arbitrarySelection(), reason);
      reason = null;
      customer = lookup.customer(customer.accountId()).orElse(null);
      Messages.info(faces, "ops.arbitrary.done");
    } catch (RuleViolation e) {
      Messages.error(faces, null, "ops." + e.code());
    }
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
