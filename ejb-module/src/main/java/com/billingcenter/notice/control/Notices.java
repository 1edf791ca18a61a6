package com.billingcenter.notice.control;

import com.billingcenter.account.entity.MailedLink;
import com.billingcenter.account.entity.Role;
import com.billingcenter.cloudaccount.entity.CloudAccount;
import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.control.PublicAddress;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceLanguage;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.Currency;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Writes notices to customers in the language of the workspace they are about (its templates are in
 * {@code com/billingcenter/notice/notices*.properties}), inside the transaction of the change.
 */
@Dependent
public class Notices {

  static final String TEMPLATES = "com.billingcenter.notice.notices";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<NoticeWritten> written;
  @Inject PublicAddress publicAddress;

  /**
   * The workspace lost the cloud account that settled it and is locked: the subscription ended, or
   * ({@code subscriptionFailed}) it failed.
   */
  public Notice workspaceLocked(
      Workspace workspace, CloudAccount cloudAccount, boolean subscriptionFailed) {
    ResourceBundle templates = templates(workspace);
    Object[] values = {
      workspace.name(),
      cloudAccount.providerAccountId(),
      UtcTimes.MINUTES.format(workspace.countdownEnd().orElseThrow())
    };
    Notice notice =
        Notice.about(
            workspace.ownerId(),
            workspace.id(),
            workspace.language(),
            "workspace.locked",
            format(templates, "workspaceLocked.subject", values),
            format(
                templates,
                subscriptionFailed ? "workspaceLocked.failedBody" : "workspaceLocked.body",
                values),
            clock);
    em.persist(notice);
    // The mail also carries a link to the lock page that opens without signing in; the notice
    // as stored (and shown on the Notices page) links to the page for the signed-in owner.
    var link =
        MailedLink.issue(
            MailedLink.Purpose.LOCK_PAGE,
            workspace.ownerId(),
            workspace.id(),
            lockLinkLifetime(),
            clock);
    em.persist(link.link());
    String mailedLink =
        format(
            templates,
            "workspaceLocked.link",
            new Object[] {
              publicAddress.link("/locked.xhtml?t=" + link.token()),
              UtcTimes.MINUTES.format(link.link().use().expiresAt())
            });
    written.fire(new NoticeWritten(notice.id(), mailedLink));
    return notice;
  }

  /**
   * The locked workspace is fully locked in {@code days} days (a week, then a day, before), in its
   * language: a new settlement method before then unlocks it.
   */
  public Notice fullLockSoon(Workspace workspace, int days) {
    ResourceBundle templates = templates(workspace);
    Object[] values = {
      workspace.name(),
      UtcTimes.MINUTES.format(workspace.countdownEnd().orElseThrow()),
      Integer.toString(days)
    };
    return aboutWorkspace(
        workspace,
        "workspace.fullLockSoon",
        "fullLockSoon",
        values,
        format(
            templates,
            "fullLockSoon.link",
            new Object[] {publicAddress.link("/workspaces.xhtml")}));
  }

  /** The owner dissolved the workspace during its lock countdown. */
  public Notice workspaceDissolved(Workspace workspace) {
    Object[] values = {workspace.name(), UtcTimes.MINUTES.format(workspace.dissolvedAt())};
    return aboutWorkspace(workspace, "workspace.dissolved", "workspaceDissolved", values, null);
  }

  /**
   * A notice about a workspace in its language, of {@code kind}, from the templates {@code
   * <templates>.subject} and {@code .body}; mailed with {@code mailedLink} (null for none).
   */
  private Notice aboutWorkspace(
      Workspace workspace, String kind, String templates, Object[] values, String mailedLink) {
    ResourceBundle bundle = templates(workspace);
    Notice notice =
        Notice.about(
            workspace.ownerId(),
            workspace.id(),
            workspace.language(),
            kind,
            format(bundle, templates + ".subject", values),
            format(bundle, templates + ".body", values),
            clock);
    em.persist(notice);
    written.fire(new NoticeWritten(notice.id(), mailedLink));
    return notice;
  }

  /**
   * A month's bill is final: its totals per currency, in the language most of the owner's
   * workspaces use (English when there is none).
   */
  public Notice billReady(
      long ownerId, YearMonth month, Map<String, Map<Currency, BigDecimal>> totalsByGroup) {
    Map<Currency, BigDecimal> totals =
        new TreeMap<>(Comparator.comparing(Currency::getCurrencyCode));
    totalsByGroup.values().forEach(t -> t.forEach((c, a) -> totals.merge(c, a, BigDecimal::add)));
    StringBuilder total = new StringBuilder();
    totals.forEach(
        (currency, amount) ->
            total
                .append(total.length() == 0 ? "" : ", ")
                .append(amount.toPlainString())
                .append(' ')
                .append(currency.getCurrencyCode()));
    return toOwner(
        ownerId,
        Set.of(Role.OWNER, Role.FINANCE),
        "bill.ready",
        "billReady",
        "billReady.body",
        new Object[] {month.toString(), total.toString()},
        "billReady.link",
        "/bills.xhtml?month=" + month);
  }

  /**
   * The AWS agreement behind the owner's cloud account ends at {@code end}, {@code daysBefore} days
   * from now; it renews by itself when {@code autoRenewal}, else the workspaces it settles need
   * another method by then. In the language most of the owner's workspaces use.
   */
  public Notice agreementEnding(
      long ownerId, CloudAccount cloudAccount, Instant end, int daysBefore, boolean autoRenewal) {
    return toOwner(
        ownerId,
        Set.of(Role.OWNER, Role.ADMIN),
        "agreement.ending",
        "agreementEnding",
        autoRenewal ? "agreementEnding.renewingBody" : "agreementEnding.body",
        new Object[] {
          cloudAccount.providerAccountId(),
          UtcTimes.MINUTES.format(end),
          Integer.toString(daysBefore)
        },
        "agreementEnding.link",
        "/cloud-accounts.xhtml");
  }

  /**
   * A budget's cost so far reached 80 % of it ({@code passed} false) or passed it, in its period
   * ({@code day} or {@code month}); {@code scope} is a workspace's quoted name, a billing item's
   * code, or {@code *} for the whole account. In the language most of the owner's workspaces use.
   */
  public Notice budgetAlert(
      long ownerId,
      boolean passed,
      String scope,
      String period,
      String amount,
      String spent,
      Set<Role> notify) {
    return toOwner(
        ownerId,
        notify,
        passed ? "budget.passed" : "budget.near",
        passed ? "budgetPassed" : "budgetNear",
        (passed ? "budgetPassed" : "budgetNear")
            + (period.equals("day") ? ".dayBody" : ".monthBody"),
        new Object[] {scope.equals("*") ? "" : scope, amount, spent},
        "budget.link",
        "/budgets.xhtml");
  }

  /**
   * The workspaces the owner's cloud account settles used {@code dimension} beyond what its AWS
   * contract bought, from {@code firstHour}: AWS charges nothing for it. In the language most of
   * the owner's workspaces use.
   */
  public Notice contractOverage(
      long ownerId, CloudAccount cloudAccount, String dimension, Instant firstHour) {
    return toOwner(
        ownerId,
        Set.of(Role.OWNER),
        "contract.overage",
        "contractOverage",
        "contractOverage.body",
        new Object[] {
          cloudAccount.providerAccountId(), dimension, UtcTimes.MINUTES.format(firstHour)
        },
        "agreementEnding.link",
        "/cloud-accounts.xhtml");
  }

  /**
   * A notice to the owner about no one workspace, mailed to the members of {@code roles} too, in
   * the language most of their workspaces use: {@code <templates>.subject}, the body {@code
   * bodyKey}, and for its mail the link {@code linkKey} to {@code path}.
   */
  private Notice toOwner(
      long ownerId,
      Set<Role> roles,
      String kind,
      String templates,
      String bodyKey,
      Object[] values,
      String linkKey,
      String path) {
    WorkspaceLanguage language = languageOf(ownerId);
    ResourceBundle bundle = templates(language);
    Notice notice =
        Notice.about(
            ownerId,
            null,
            language,
            kind,
            format(bundle, templates + ".subject", values),
            format(bundle, bodyKey, values),
            clock);
    em.persist(notice);
    written.fire(
        new NoticeWritten(
            notice.id(), format(bundle, linkKey, new Object[] {publicAddress.link(path)}), roles));
    return notice;
  }

  /** The language most of the owner's workspaces use (English when there is none). */
  private WorkspaceLanguage languageOf(long ownerId) {
    return em.createQuery(
            "select w.language from Workspace w where w.ownerId = :ownerId"
                + " group by w.language order by count(w) desc, w.language",
            WorkspaceLanguage.class)
        .setParameter("ownerId", ownerId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElse(WorkspaceLanguage.EN);
  }

  /** How long a mailed lock page link opens the page: {@code billing.lock-page.link-lifetime}. */
  private static Duration lockLinkLifetime() {
    return ConfigProvider.getConfig()
        .getOptionalValue("billing.lock-page.link-lifetime", Duration.class)
        .orElse(Duration.ofDays(30));
  }

  private static ResourceBundle templates(Workspace workspace) {
    return templates(workspace.language());
  }

  /** The templates in a language; English is the base bundle, never the JVM's. */
  private static ResourceBundle templates(WorkspaceLanguage language) {
    return ResourceBundle.getBundle(
        TEMPLATES,
        language.locale(),
        Notices.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static String format(ResourceBundle templates, String key, Object[] values) {
    return new MessageFormat(templates.getString(key), templates.getLocale()).format(values);
  }
}
