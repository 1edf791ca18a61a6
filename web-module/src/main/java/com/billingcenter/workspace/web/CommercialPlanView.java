package com.billingcenter.workspace.web;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Role;
import com.billingcenter.marketplace.web.SetupView;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.Requires;
import com.billingcenter.site.control.Sites;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.PrimeFaces;

/**
 * Opening the Commercial Plan in Workspace Management: a new workspace in two steps (step 1
 * explains and asks to confirm, step 2 names it), or a Free workspace moved to it, settled as it is
 * or through AWS Marketplace ("Subscribe in Amazon Web Services").
 */
@Named
@ViewScoped
public class CommercialPlanView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject Caller caller;
  @Inject Workspaces workspaces;
  @Inject Sites sites;

  private int commercialStep;
  private final NewWorkspaceForm opening = new NewWorkspaceForm();

  private WorkspaceRow upgrading;
  private boolean awsOffered;

  private BillingAccount owner() {
    return caller.account();
  }

  @Requires(Role.Permission.WORKSPACES)
  public void startCommercialPlan() {
    commercialStep = 1;
    opening.reset(sites.all().iterator().next().code());
  }

  @Requires(Role.Permission.WORKSPACES)
  public void confirmCommercialPlan() {
    commercialStep = 2;
  }

  @Requires(Role.Permission.WORKSPACES)
  public void createCommercialWorkspace() {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      Workspace created =
          workspaces.create(
              owner(),
              opening.getName(),
              opening.getSite(),
              opening.getLanguage(),
              Plan.COMMERCIAL);
      Messages.info(faces, "commercial.opened", created.name());
      commercialStep = 0;
      PrimeFaces.current().ajax().addCallbackParam("done", true);
    } catch (RuleViolation refused) {
      Messages.error(faces, "commercial:" + fieldOf(refused.code()), refused.code());
    }
  }

  /** "Open the Commercial Plan" on a Free workspace's row: the dialog that asks how. */
  @Requires(Role.Permission.WORKSPACES)
  public void startUpgrade(WorkspaceRow row) {
    upgrading = row;
    String partition = WorkspacesView.awsPartitionOf(sites, row.getSiteCode());
    awsOffered =
        WorkspacesView.awsListingUrl(partition).isPresent()
            && (owner().arbitrarySelection()
                || sites.find(row.getSiteCode()).map(s -> s.allows(partition)).orElse(false));
  }

  /** The Commercial Plan for the workspace of the upgrade dialog, settled as it is. */
  @Requires(Role.Permission.WORKSPACES)
  public void openCommercialPlan() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (upgrading == null) {
      return;
    }
    try {
      Workspace upgraded = workspaces.openCommercialPlan(owner(), upgrading.getId());
      Messages.info(faces, "commercial.opened", upgraded.name());
      upgrading = null;
      PrimeFaces.current().ajax().addCallbackParam("done", true);
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
    }
  }

  /**
   * The Commercial Plan through AWS Marketplace ("Subscribe in Amazon Web Services"): the workspace
   * is remembered for the set-up page, which pre-selects it and opens its Commercial Plan when it
   * is bound to the new AWS account.
   */
  @Requires(Role.Permission.WORKSPACES)
  public void subscribeInAws() throws java.io.IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (upgrading == null || !awsOffered) {
      Messages.error(faces, null, "settlement.notAllowed");
      return;
    }
    var session = (jakarta.servlet.http.HttpSession) faces.getExternalContext().getSession(true);
    session.setAttribute(SetupView.PENDING_WORKSPACE, upgrading.getId());
    session.setAttribute(SetupView.PENDING_UPGRADE, Boolean.TRUE);
    faces
        .getExternalContext()
        .redirect(
            WorkspacesView.awsListingUrl(
                    WorkspacesView.awsPartitionOf(sites, upgrading.getSiteCode()))
                .orElseThrow());
  }

  public WorkspaceRow getUpgrading() {
    return upgrading;
  }

  public boolean isAwsOffered() {
    return awsOffered;
  }

  private static String fieldOf(String code) {
    if (code.startsWith("workspace.name")) {
      return "name";
    }
    if (code.startsWith("workspace.language")) {
      return "language";
    }
    return "site";
  }

  public int getCommercialStep() {
    return commercialStep;
  }

  public NewWorkspaceForm getOpening() {
    return opening;
  }
}
