package com.billingcenter.marketplace.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Role;
import com.billingcenter.account.web.AccountForm;
import com.billingcenter.account.web.SignIn;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.boundary.MarketplaceRegistrations;
import com.billingcenter.marketplace.boundary.NewWorkspace;
import com.billingcenter.marketplace.entity.Registration;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.web.BillingAuthenticationMechanism;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.LinkCookie;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.RegistrationLimit;
import com.billingcenter.platform.web.Requires;
import com.billingcenter.site.control.Sites;
import com.billingcenter.site.entity.Site;
import com.billingcenter.workspace.boundary.WorkspaceQuery;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.web.NewWorkspaceForm;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code setup.xhtml}, with the reference in a cookie ({@link #REFERENCE}, never in a URL): "Set up
 * your account" lands here. A new customer registers and opens the Commercial Plan for a workspace
 * that settles by the AWS account (Step 1); a customer who is logged in chooses workspaces, or
 * opens a new one, for it (Step 2). The reference works once.
 */
@Named
@ViewScoped
public class SetupView implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Session attribute: the workspace whose Change Settlement Method sent the customer to subscribe
   * in AWS Marketplace; the set-up page pre-selects it.
   */
  public static final String PENDING_WORKSPACE = "billing.pendingCloudWorkspace";

  /**
   * Session attribute: the pending workspace came from "Open the Commercial Plan" of a Free
   * workspace; binding it also opens its Commercial Plan.
   */
  public static final String PENDING_UPGRADE = "billing.pendingUpgrade";

  /**
   * The set-up reference, handed only by the fulfillment URL's answer to AWS Marketplace's POST,
   * for as long as a reference is valid (an hour).
   */
  static final LinkCookie REFERENCE = new LinkCookie("BC_SETUP", "/setup.xhtml");

  /** How long {@link #REFERENCE}'s cookie lives. */
  static final int REFERENCE_SECONDS = 3600;

  @Inject Caller caller;
  @Inject RegistrationLimit registrationLimit;
  @Inject MarketplaceRegistrations registrations;
  @Inject Accounts accounts;
  @Inject Workspaces workspaces;
  @Inject Sites sites;
  @Inject SecurityContext securityContext;
  @Inject Clock clock;

  private String ref;

  /** Where the set-up reference stands: only an open one sets anything up. */
  public enum Reference {
    INVALID,
    OPEN,
    USED,
    EXPIRED;

    /** The message that says so to the buyer, e.g. {@code setup.state.expired}. */
    public String getMessageKey() {
      return "setup.state." + name().toLowerCase(Locale.ROOT);
    }
  }

  private Reference state = Reference.INVALID;
  private String awsAccountId;

  /**
   * The cloud account's provider, i.e. its AWS partition: only that partition's sites are offered.
   */
  private String provider = "aws";

  // Step 1: a new customer.
  private final AccountForm form = new AccountForm();
  private final NewWorkspaceForm opening = new NewWorkspaceForm();

  // Step 2: a logged-in customer.
  private List<Long> chosen = new ArrayList<>();
  private boolean ownAccount;
  private List<SelectItem> workspaceItems = List.of();

  /** Reads the reference once, when the page opens. */
  public void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    var request = (HttpServletRequest) faces.getExternalContext().getRequest();
    // Only from the cookie the fulfillment URL's answer set in this browser: a reference in a URL
    // (?ref=, as older links had) is not read, so that nobody can send another customer theirs.
    ref = REFERENCE.of(request).orElse(null);
    Optional<Registration> registration = ref == null ? Optional.empty() : registrations.find(ref);
    if (registration.isEmpty()) {
      state = Reference.INVALID;
      return;
    }
    try {
      registration.get().check(clock);
      state = Reference.OPEN;
    } catch (RuleViolation refused) {
      state = refused.code().equals("registration.used") ? Reference.USED : Reference.EXPIRED;
    }
    CloudAccount account = registrations.cloudAccountOf(registration.get());
    awsAccountId = account.providerAccountId();
    provider = account.provider();
    opening.setSite(firstAwsSite());
    if (isLoggedIn()) {
      loadWorkspaces(faces);
    } else {
      // The login page brings the customer back here.
      session(faces).setAttribute(BillingAuthenticationMechanism.AFTER_LOGIN, "/setup.xhtml");
    }
  }

  private void loadWorkspaces(FacesContext faces) {
    BillingAccount owner = caller.account();
    Locale locale = faces.getViewRoot().getLocale();
    workspaceItems =
        workspaces.list(owner, WorkspaceQuery.firstPage(WorkspaceQuery.MAX_PAGE_SIZE)).stream()
            .filter(w -> canUseAws(owner, w.siteCode()))
            .map(
                w ->
                    new SelectItem(
                        w.id(),
                        w.name()
                            + " · "
                            + sites.find(w.siteCode()).map(s -> s.name(locale)).orElse("")))
            .toList();
    if (session(faces).getAttribute(PENDING_WORKSPACE) instanceof Long pending) {
      workspaceItems.stream()
          .filter(item -> pending.equals(item.getValue()))
          .findFirst()
          .ifPresent(item -> chosen.add(pending));
    }
  }

  private boolean canUseAws(BillingAccount owner, String siteCode) {
    return owner.arbitrarySelection()
        || sites.find(siteCode).map(s -> s.allows(provider)).orElse(false);
  }

  /** Step 1: register, open the Commercial Plan for a workspace on the AWS account, log in. */
  public void registerAndOpen() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!form.confirmed(faces, "step1:confirmation") || registrationLimit.refusedOnPage(faces)) {
      return;
    }
    try {
      registrations.registerAndBind(
          form.getUsername(), form.getLoginAccount(), form.getPassword(), ref, newWorkspace());
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
      return;
    }
    Messages.info(faces, "setup.opened", opening.getName().strip(), awsAccountId);
    faces.getExternalContext().getFlash().setKeepMessages(true);
    logIn(faces);
  }

  /** Step 2: the chosen workspaces (and a new one, if named) settle by the AWS account. */
  @Requires(Role.Permission.CLOUD_ACCOUNTS)
  public void bindChosen() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (!ownAccount) {
      // A page of someone else's can post their own fresh token from this browser: the customer
      // says, knowingly, that the AWS account shown is theirs (see docs/security.md).
      Messages.error(faces, "step2:ownAccount", "setup.ownAccount.required");
      return;
    }
    boolean named = opening.named();
    HttpSession session = session(faces);
    List<Long> upgrade =
        Boolean.TRUE.equals(session.getAttribute(PENDING_UPGRADE))
                && session.getAttribute(PENDING_WORKSPACE) instanceof Long pending
                && chosen.contains(pending)
            ? List.of(pending)
            : List.of();
    try {
      registrations.bind(caller.account(), ref, chosen, named ? newWorkspace() : null, upgrade);
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
      return;
    }
    session.removeAttribute(PENDING_WORKSPACE);
    session.removeAttribute(PENDING_UPGRADE);
    Messages.info(faces, "setup.bound", awsAccountId);
    ExternalContext external = faces.getExternalContext();
    external.getFlash().setKeepMessages(true);
    external.redirect(external.getRequestContextPath() + "/cloud-accounts.xhtml");
  }

  private NewWorkspace newWorkspace() {
    return new NewWorkspace(opening.getName(), opening.getSite(), opening.getLanguage());
  }

  private void logIn(FacesContext faces) throws IOException {
    ExternalContext external = faces.getExternalContext();
    AuthenticationStatus status =
        SignIn.withPassword(securityContext, external, form.getUsername(), form.getPassword());
    external.redirect(
        external.getRequestContextPath()
            + (status == AuthenticationStatus.SUCCESS ? "/workspaces.xhtml" : "/login.xhtml"));
  }

  private String firstAwsSite() {
    return sites.all().stream()
        .filter(s -> s.allows(provider))
        .map(Site::code)
        .findFirst()
        .orElse(null);
  }

  public List<SelectItem> getAwsSiteItems() {
    Locale locale = FacesContext.getCurrentInstance().getViewRoot().getLocale();
    return sites.all().stream()
        .filter(s -> s.allows(provider))
        .map(s -> new SelectItem(s.code(), s.name(locale) + " · " + s.code()))
        .toList();
  }

  public boolean isLoggedIn() {
    return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal() != null;
  }

  private static HttpSession session(FacesContext faces) {
    return (HttpSession) faces.getExternalContext().getSession(true);
  }

  /** Whether the customer confirmed that the AWS account shown is theirs (never pre-set). */
  public boolean isOwnAccount() {
    return ownAccount;
  }

  public void setOwnAccount(boolean ownAccount) {
    this.ownAccount = ownAccount;
  }

  public String getOwnAccountLabel() {
    return Messages.format(FacesContext.getCurrentInstance(), "setup.ownAccount", awsAccountId);
  }

  public Reference getState() {
    return state;
  }

  public String getAwsAccountId() {
    return awsAccountId;
  }

  public AccountForm getForm() {
    return form;
  }

  public NewWorkspaceForm getOpening() {
    return opening;
  }

  public List<Long> getChosen() {
    return chosen;
  }

  public void setChosen(List<Long> chosen) {
    this.chosen = chosen == null ? new ArrayList<>() : new ArrayList<>(chosen);
  }

  public List<SelectItem> getWorkspaceItems() {
    return workspaceItems;
  }
}
