package com.billingcenter.cloudaccount.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.account.entity.Role;
import com.billingcenter.cloudaccount.boundary.CloudAccounts;
import com.billingcenter.cloudaccount.control.RecordedEntitlements;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.marketplace.boundary.Agreements;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.Messages;
import com.billingcenter.platform.web.Requires;
import com.billingcenter.site.control.Sites;
import com.billingcenter.workspace.boundary.WorkspaceQuery;
import com.billingcenter.workspace.boundary.Workspaces;
import com.billingcenter.workspace.entity.Workspace;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/** {@code cloud-accounts.xhtml}: each cloud account with its workspaces; bind more to one. */
@Named
@ViewScoped
public class CloudAccountsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A workspace under its cloud account. */
  public record SettledWorkspace(long id, String name, String site) implements Serializable {}

  /** A cloud account as the page shows it. */
  public record Row(
      long id,
      String provider,
      String accountId,
      String license,
      String product,
      String status,
      boolean freeTrial,
      String since,
      String finalMeteringUntil,
      String endedAt,
      List<String> entitlements,
      List<SettledWorkspace> workspaces,
      List<SelectItem> bindable,
      String agreement,
      String pricing,
      List<String> terms)
      implements Serializable {}

  @Inject Caller caller;
  @Inject Accounts accounts;
  @Inject CloudAccounts cloudAccounts;
  @Inject Workspaces workspaces;
  @Inject Sites sites;
  @Inject Agreements agreements;

  private List<Row> rows = List.of();
  // Faces stores each checkbox group's choice here: an array or a collection of Longs.
  private Map<Long, Object> chosen = new HashMap<>();

  @PostConstruct
  void load() {
    FacesContext faces = FacesContext.getCurrentInstance();
    Locale locale = faces.getViewRoot().getLocale();
    ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
    BillingAccount owner = owner();
    List<Workspace> all =
        workspaces.list(owner, WorkspaceQuery.firstPage(WorkspaceQuery.MAX_PAGE_SIZE));
    List<Row> loaded = new ArrayList<>();
    for (Map.Entry<CloudAccount, List<Workspace>> entry :
        cloudAccounts.withWorkspaces(owner).entrySet()) {
      CloudAccount account = entry.getKey();
      Optional<Agreements.Agreement> agreement = agreements.of(account);
      List<SelectItem> bindable =
          all.stream()
              .filter(w -> !account.id().equals(w.settlement().cloudAccountId()))
              .filter(
                  w ->
                      owner.arbitrarySelection()
                          || sites
                              .find(w.siteCode())
                              .map(s -> s.allows(account.provider()))
                              .orElse(false))
              .map(w -> new SelectItem(w.id(), w.name() + " · " + siteName(w.siteCode(), locale)))
              .toList();
      loaded.add(
          new Row(
              account.id(),
              account.provider(),
              account.providerAccountId(),
              account.license().reference(),
              account.productCode(),
              account.status().name(),
              account.freeTrial(),
              UtcTimes.MINUTES.format(account.createdAt()),
              account.finalMeteringUntil() == null
                  ? null
                  : UtcTimes.MINUTES.format(account.finalMeteringUntil()),
              account.endedAt() == null ? null : UtcTimes.MINUTES.format(account.endedAt()),
              RecordedEntitlements.of(account).stream()
                  .map(
                      e ->
                          e.dimension()
                              + ": "
                              + e.value()
                              + (e.expiresAt() == null
                                  ? ""
                                  : " (" + UtcTimes.MINUTES.format(e.expiresAt()) + ")"))
                  .toList(),
              entry.getValue().stream()
                  .map(w -> new SettledWorkspace(w.id(), w.name(), siteName(w.siteCode(), locale)))
                  .toList(),
              bindable,
              agreement.map(Agreements.Agreement::agreementId).orElse(null),
              agreement.map(CloudAccountsView::pricing).orElse(null),
              agreement.map(a -> terms(a, bundle)).orElse(List.of())));
    }
    rows = loaded;
  }

  /**
   * The pricing as the page names it: the model once the terms were read, else whether they are
   * still due or refused to us (then the list price applies).
   */
  static String pricing(Agreements.Agreement agreement) {
    return agreement
        .terms()
        .map(t -> t.model().name().toLowerCase(Locale.ROOT))
        .orElse(agreement.termsState().name().toLowerCase(Locale.ROOT));
  }

  /** The terms that price the usage, one sentence each, in the page's language. */
  static List<String> terms(Agreements.Agreement agreement, ResourceBundle bundle) {
    List<String> lines = new ArrayList<>();
    agreement
        .terms()
        .ifPresent(
            t -> {
              t.usageRates()
                  .forEach(
                      (dimension, rate) ->
                          lines.add(
                              MessageFormat.format(
                                  bundle.getString("cloudAccounts.rate"),
                                  dimension,
                                  rate.toPlainString(),
                                  t.currency())));
              t.purchased()
                  .forEach(
                      (dimension, units) ->
                          lines.add(
                              MessageFormat.format(
                                  bundle.getString(
                                      agreement.beyond().containsKey(dimension)
                                          ? "cloudAccounts.purchasedBeyond"
                                          : "cloudAccounts.purchasedUsed"),
                                  dimension,
                                  Long.toString(units),
                                  Long.toString(agreement.usedSoFar().getOrDefault(dimension, 0L)),
                                  Long.toString(agreement.beyond().getOrDefault(dimension, 0L)))));
              t.trialGrants()
                  .forEach(
                      (dimension, units) ->
                          lines.add(
                              MessageFormat.format(
                                  bundle.getString("cloudAccounts.trialGrant"),
                                  dimension,
                                  units == Long.MAX_VALUE ? "∞" : Long.toString(units),
                                  String.valueOf(t.trialDuration()))));
              if (t.described() != null && t.described().status() != null) {
                lines.add(
                    MessageFormat.format(
                        bundle.getString("cloudAccounts.agreementStatus"),
                        t.described().status(),
                        String.valueOf(t.described().offerId())));
              }
              if (t.trialDuration() != null && t.startsAt() != null) {
                lines.add(
                    MessageFormat.format(
                        bundle.getString("cloudAccounts.trialEndsOn"),
                        UtcTimes.MINUTES.format(
                            t.startsAt()
                                .atZone(java.time.ZoneOffset.UTC)
                                .plus(t.trialDuration())
                                .toInstant())));
              }
              if (t.endsAt() != null) {
                lines.add(
                    MessageFormat.format(
                        bundle.getString(
                            Boolean.TRUE.equals(t.autoRenew())
                                ? "cloudAccounts.renewsOn"
                                : "cloudAccounts.endsOn"),
                        UtcTimes.MINUTES.format(t.endsAt())));
              }
            });
    return lines;
  }

  private String siteName(String code, Locale locale) {
    return sites.find(code).map(s -> s.name(locale)).orElse(code);
  }

  /** Binds the workspaces chosen under one cloud account. */
  @Requires(Role.Permission.CLOUD_ACCOUNTS)
  public void bind(long cloudAccountId) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      cloudAccounts.bind(owner(), cloudAccountId, chosenFor(cloudAccountId));
      Messages.info(faces, "cloudAccounts.bound");
      chosen.clear();
      load();
    } catch (RuleViolation refused) {
      Messages.error(faces, null, refused.code());
    }
  }

  private List<Long> chosenFor(long cloudAccountId) {
    Object value = chosen.get(cloudAccountId);
    List<Object> values =
        value instanceof Object[] array
            ? List.of(array)
            : value instanceof java.util.Collection<?> collection
                ? new ArrayList<>(collection)
                : List.of();
    return values.stream().map(v -> Long.valueOf(v.toString())).toList();
  }

  private BillingAccount owner() {
    return caller.account();
  }

  public List<Row> getRows() {
    return rows;
  }

  public Map<Long, Object> getChosen() {
    return chosen;
  }
}
