package com.billingcenter.settlement.control;

import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.site.entity.Site;
import com.billingcenter.workspace.entity.Settlement;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every settlement method bean, and the rule on which of them a workspace may use: those its site
 * allows, or every method for an account with the operator's "arbitrary selection" flag.
 */
@ApplicationScoped
public class SettlementMethods {

  @Inject @Any Instance<SettlementMethod> beans;

  private final Map<String, SettlementMethod> byCode = new LinkedHashMap<>();

  @PostConstruct
  void collect() {
    register(beans);
  }

  void register(Iterable<? extends SettlementMethod> methods) {
    // The Billing Center account first, then the clouds in code order: the order of the dialog.
    List<SettlementMethod> all = new ArrayList<>();
    methods.forEach(all::add);
    all.sort(
        (a, b) -> {
          boolean aDirect = Settlement.BILLING_CENTER.equals(a.code());
          boolean bDirect = Settlement.BILLING_CENTER.equals(b.code());
          return aDirect != bDirect ? (aDirect ? -1 : 1) : a.code().compareTo(b.code());
        });
    for (SettlementMethod method : all) {
      if (byCode.putIfAbsent(method.code(), method) != null) {
        throw new IllegalStateException("Two settlement methods have the code " + method.code());
      }
    }
  }

  /** The codes of every installed method. */
  public List<String> codes() {
    return List.copyOf(byCode.keySet());
  }

  /** The methods a workspace on this site may use, in dialog order. */
  public List<String> allowed(Site site, boolean arbitrarySelection) {
    return byCode.keySet().stream()
        .filter(code -> arbitrarySelection || site.allows(code))
        .toList();
  }

  /** Every option the account has for a workspace on this site. */
  public List<SettlementOption> options(long ownerId, Site site, boolean arbitrarySelection) {
    List<SettlementOption> options = new ArrayList<>();
    for (String code : allowed(site, arbitrarySelection)) {
      options.addAll(byCode.get(code).options(ownerId));
    }
    return options;
  }

  /**
   * The settlement the account chose, checked against the site's rule and the method's own (e.g.
   * the cloud account must be the owner's and active).
   */
  public Settlement choose(
      long ownerId, Site site, boolean arbitrarySelection, String code, Long cloudAccountId) {
    SettlementMethod method = code == null ? null : byCode.get(code);
    if (method == null) {
      throw new RuleViolation(
          "settlement.unknown",
          "Unknown settlement method; the methods are " + String.join(", ", codes()) + ".");
    }
    if (!arbitrarySelection && !site.allows(code)) {
      throw new RuleViolation(
          "settlement.notAllowed",
          "A workspace on site " + site.code() + " cannot settle by " + code + ".");
    }
    return method.settlement(ownerId, cloudAccountId);
  }
}
