package com.billingcenter.workspace.web;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Role;
import com.billingcenter.marketplace.web.SetupView;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.Requires;
import com.billingcenter.settlement.control.SettlementOption;
import com.billingcenter.site.control.Sites;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;
import org.primefaces.PrimeFaces;
import org.primefaces.model.LazyDataModel;

/**
 * {@code workspaces.xhtml}: Workspace Management. Holds the lazy table and the Change Settlement
 * Method dialog's state; opening the Commercial Plan is {@link CommercialPlanView}'s.
 */
@Named
@ViewScoped
public class WorkspacesView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Caller caller;
  @Inject Workspaces workspaces;
  @Inject Sites sites;
  @Inject Clock clock;

  private static final int ROWS = 20;

  private int first;
  private WorkspaceTableModel table;

  /**
   * The Change Settlement Method dialog: the workspace, the options it may choose, whether it may
   * change now (else from when, UTC), and whether "Subscribe to AWS" is offered and in which AWS
   * partition's listing (aws or aws-cn).
   */
  public record Change(
      WorkspaceRow workspace,
      List<SettlementOption> options,
      boolean allowed,
      String nextChangeFrom,
      boolean awsAllowed,
      String awsPartition)
      implements Serializable {}

  private Long unlock;
  private boolean openChangeOnLoad;

  /** The dialog's workspace and options; null while no change has been started. */
  private Change change;

  private String chosenOption;

  @PostConstruct
  void init() {
    Caller signedIn = caller;
    table = new WorkspaceTableModel(workspaces, clock, signedIn::account);
  }

  private BillingAccount owner() {
    return caller.account();
  }

  /** {@code ?page=N} opens the table on page N (from 1), so that a page can be bookmarked. */
  public int getPage() {
    return first / ROWS + 1;
  }

  public void setPage(int page) {
    first = Math.max(0, page - 1) * ROWS;
  }

  public int getFirst() {
    return first;
  }

  public void setFirst(int first) {
    this.first = first;
  }

  public int getRows() {
    return ROWS;
  }

  public LazyDataModel<WorkspaceRow> getTable() {
    return table;
  }

  public List<SelectItem> getSiteItems() {
    var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return sites.all().stream()
        .map(site -> new SelectItem(site.code(), site.name(locale) + " · " + site.code()))
        .toList();
  }

  public String siteName(String code) {
    var locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return sites.find(code).map(site -> site.name(locale)).orElse(code);
  }

  // --- Change Settlement Method ---------------------------------------------------------------

  @Requires(Role.Permission.WORKSPACES)
  public void startChange(WorkspaceRow row) {
    openChangeOnLoad = false;
    startChange(row.getId());
  }

  /**
   * {@code ?unlock=N} (the lock page's link) opens Change Settlement Method for workspace N as the
   * page loads; an id that is not one of the account's workspaces opens nothing.
   */
  public void setUnlock(Long id) {
    unlock = id;
  }

  public Long getUnlock() {
    return unlock;
  }

  /**
   * The view action of {@code ?unlock=N}: opens the change for a role that may make it (the others
   * see the page as it is).
   */
  public void openUnlock() {
    if (unlock != null
        && !FacesContext.getCurrentInstance().isPostback()
        && caller.may(Role.Permission.WORKSPACES.name())) {
      startChange(unlock);
      openChangeOnLoad = change != null;
    }
  }

  public boolean isOpenChangeOnLoad() {
    return openChangeOnLoad;
  }

  private void startChange(long id) {
    FacesContext faces = FacesContext.getCurrentInstance();
    BillingAccount owner = owner();
    var found = workspaces.find(owner, id);
    if (found.isEmpty()) {
      Messages.error(faces, null, "workspace.notFound");
      change = null;
      return;
    }
    Workspace workspace = found.get();
    String partition = awsPartitionOf(sites, workspace.siteCode());
    boolean awsAllowed =
        awsListingUrl(partition).isPresent()
            && (owner.arbitrarySelection()
                || sites.find(workspace.siteCode()).map(s -> s.allows(partition)).orElse(false));
    change =
        new Change(
            new WorkspaceRow(workspace, clock.instant()),
            workspaces.settlementOptions(owner, workspace),
            workspace.canChangeSettlement(clock),
            workspace.nextChangePossible().map(UtcTimes.MINUTES::format).orElse(null),
            awsAllowed,
            partition);
    chosenOption = workspace.settlement().toString();
  }

  @Requires(Role.Permission.WORKSPACES)
  public void changeSettlement() {
    FacesContext faces = FacesContext.getCurrentInstance();
    SettlementOption option =
        change == null
            ? null
            : change.options().stream()
                .filter(o -> o.key().equals(chosenOption))
                .findFirst()
                .orElse(null);
    if (option == null) {
      Messages.error(faces, "change:option", "settlement.choose");
      return;
    }
    try {
      Workspace changed =
          workspaces.changeSettlement(
              owner(), change.workspace().getId(), option.method(), option.cloudAccountId());
      Messages.info(
          faces,
          change.workspace().isLocked() ? "settlement.changedAndUnlocked" : "settlement.changed",
          changed.name());
      change = null;
      PrimeFaces.current().ajax().addCallbackParam("done", true);
    } catch (RuleViolation refused) {
      if ("settlement.oncePerMonth".equals(refused.code())) {
        Messages.error(faces, "change:option", refused.code(), change.nextChangeFrom());
      } else {
        Messages.error(faces, "change:option", refused.code());
      }
    }
  }

  /**
   * "AWS Account Settlement → Subscribe to AWS": remembers the workspace for the set-up page and
   * sends the browser to the product's AWS Marketplace listing; AWS brings it back through the
   * fulfillment URL.
   */
  @Requires(Role.Permission.WORKSPACES)
  public void subscribeToAws() throws java.io.IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (change == null || !change.awsAllowed()) {
      Messages.error(faces, "change:option", "settlement.notAllowed");
      return;
    }
    var session = (jakarta.servlet.http.HttpSession) faces.getExternalContext().getSession(true);
    session.setAttribute(SetupView.PENDING_WORKSPACE, change.workspace().getId());
    session.removeAttribute(SetupView.PENDING_UPGRADE);
    faces.getExternalContext().redirect(awsListingUrl(change.awsPartition()).orElseThrow());
  }

  /**
   * The AWS partition whose listing "Subscribe to AWS" opens for a site: the China site cn2 settles
   * through aws-cn, whose Marketplace and listing are separate; the others through aws.
   */
  static String awsPartitionOf(Sites sites, String siteCode) {
    return sites.find(siteCode).map(s -> s.allows("aws-cn")).orElse(false) ? "aws-cn" : "aws";
  }

  // Looked up, not injected: a view-scoped bean may only hold what can be serialized.
  static Optional<String> awsListingUrl(String partition) {
    return ConfigProvider.getConfig()
        .getOptionalValue("billing." + partition + ".listing-url", String.class)
        .filter(url -> !url.isBlank());
  }

  /** The label of an option in the page's language. */
  public String optionLabel(SettlementOption option) {
    FacesContext faces = FacesContext.getCurrentInstance();
    return option.cloudAccountId() == null
        ? Messages.text(faces, "settlement.option." + option.method())
        : Messages.format(
            faces, "settlement.option.cloud", methodLabel(option.method()), option.accountLabel());
  }

  /** The short name of a method for the table, e.g. "Billing Center account". */
  public String methodLabel(String method) {
    return Messages.text(FacesContext.getCurrentInstance(), "settlement.short." + method);
  }

  public Change getChange() {
    return change;
  }

  public String getChosenOption() {
    return chosenOption;
  }

  public void setChosenOption(String chosenOption) {
    this.chosenOption = chosenOption;
  }
}
