package com.billingcenter.workspace.boundary;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.platform.entity.RuleViolation;
import com.billingcenter.settlement.control.SettlementMethods;
import com.billingcenter.settlement.control.SettlementOption;
import com.billingcenter.site.control.Sites;
import com.billingcenter.site.entity.Site;
import com.billingcenter.usage.control.UnsettledUsage;
import com.billingcenter.workspace.control.WorkspaceAudit;
import com.billingcenter.workspace.control.WorkspaceLocks;
import com.billingcenter.workspace.entity.Plan;
import com.billingcenter.workspace.entity.Settlement;
import com.billingcenter.workspace.entity.SettlementPeriod;
import com.billingcenter.workspace.entity.Workspace;
import com.billingcenter.workspace.entity.WorkspaceLanguage;
import com.billingcenter.workspace.entity.WorkspaceStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The workspaces of one Billing Center account. Every method takes the calling account and only
 * ever sees that account's workspaces: each operation is the short load–change–audit of one action
 * of the seed on a workspace, or the paged query of Workspace Management. The lock and dissolving
 * are {@link WorkspaceLocks}'s.
 */
@Stateless
public class Workspaces {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Sites sites;
  @Inject SettlementMethods methods;
  @Inject WorkspaceAudit audit;
  @Inject WorkspaceLocks locks;
  @Inject UnsettledUsage unsettled;

  /**
   * Creates a workspace on a site, settled by the site's default method. The language is fixed from
   * now on. {@code Plan.COMMERCIAL} opens the Commercial Plan at once (flow 3 of the product).
   */
  public Workspace create(
      BillingAccount owner, String name, String siteCode, String languageCode, Plan plan) {
    return create(owner, name, siteCode, languageCode, plan, null, null);
  }

  /**
   * Creates a workspace that settles by the given method from the start (the site's default when
   * {@code methodCode} is null). Choosing the first method is not a change: the month's one change
   * is still free.
   */
  public Workspace create(
      BillingAccount owner,
      String name,
      String siteCode,
      String languageCode,
      Plan plan,
      String methodCode,
      Long cloudAccountId) {
    Site site = site(siteCode);
    WorkspaceLanguage language = WorkspaceLanguage.fromCode(languageCode);
    Settlement initial =
        methods.choose(
            owner.id(),
            site,
            owner.arbitrarySelection(),
            methodCode == null ? site.defaultSettlement() : methodCode,
            cloudAccountId);
    Workspace workspace = Workspace.create(owner.id(), name, site.code(), language, initial, clock);
    if (plan == Plan.COMMERCIAL) {
      workspace.openCommercialPlan();
    }
    em.persist(workspace);
    em.flush();
    em.persist(SettlementPeriod.first(workspace));
    audit.changed(workspace, owner.username(), "workspace.created", null);
    return workspace;
  }

  /** Moves a Free workspace to the Commercial Plan. */
  public Workspace openCommercialPlan(BillingAccount owner, long workspaceId) {
    Workspace workspace = require(owner, workspaceId);
    String before = WorkspaceAudit.describe(workspace);
    workspace.openCommercialPlan();
    audit.changed(workspace, owner.username(), "workspace.commercialPlanOpened", before);
    return workspace;
  }

  /** The owner's workspace; a dissolved one is gone, as if it had never been. */
  public Optional<Workspace> find(BillingAccount owner, long workspaceId) {
    Workspace workspace = em.find(Workspace.class, workspaceId);
    return workspace != null
            && workspace.ownerId().equals(owner.id())
            && workspace.status() != WorkspaceStatus.DISSOLVED
        ? Optional.of(workspace)
        : Optional.empty();
  }

  /**
   * Dissolves one of the owner's locked workspaces for good, the owner having typed its name to
   * confirm ({@link WorkspaceLocks#dissolve}).
   */
  public Workspace dissolve(BillingAccount owner, long workspaceId, String typedName) {
    Workspace workspace = require(owner, workspaceId);
    locks.dissolve(workspace, owner.username(), typedName);
    return workspace;
  }

  /** The owner's workspace, or {@link WorkspaceNotFound} whether it is missing or not theirs. */
  public Workspace require(BillingAccount owner, long workspaceId) {
    return find(owner, workspaceId).orElseThrow(WorkspaceNotFound::new);
  }

  /** The settlement options the owner has for this workspace (site rule applied). */
  public List<SettlementOption> settlementOptions(BillingAccount owner, Workspace workspace) {
    return methods.options(owner.id(), site(workspace.siteCode()), owner.arbitrarySelection());
  }

  /**
   * Changes how the workspace settles: a method the site allows (unless the operator allows any for
   * this account), at most once per calendar month; a locked workspace is unlocked by the change.
   */
  public Workspace changeSettlement(
      BillingAccount owner, long workspaceId, String methodCode, Long cloudAccountId) {
    Workspace workspace = require(owner, workspaceId);
    Settlement next =
        methods.choose(
            owner.id(),
            site(workspace.siteCode()),
            owner.arbitrarySelection(),
            methodCode,
            cloudAccountId);
    String before = WorkspaceAudit.describe(workspace);
    boolean wasLocked = workspace.status() != WorkspaceStatus.ACTIVE;
    // A workspace still counting down has usage nobody paid for yet: the method that unlocks it
    // pays. (A fully locked workspace's was written off when its countdown ended.)
    Optional<SettlementPeriod> unsettledPeriod =
        workspace.status() == WorkspaceStatus.LOCKED
            ? unsettled.open(workspace.id())
            : Optional.empty();
    workspace.changeSettlement(next, clock);
    em.persist(SettlementPeriod.of(workspace, workspace.settlementChangedAt()));
    unsettledPeriod.ifPresent(
        period -> {
          period.chargeTo(next);
          unsettled.chargeOnUnlock(period, workspace, owner.username(), next);
        });
    audit.changed(workspace, owner.username(), "workspace.settlementChanged", before);
    if (wasLocked) {
      audit.changed(workspace, owner.username(), "workspace.unlocked", before);
    }
    return workspace;
  }

  /**
   * The owner's active workspaces whose settlement method changed since {@code since} (the start of
   * this month: this month's change is used), soonest first by name, at most {@code max}.
   */
  public List<Workspace> changedSince(BillingAccount owner, Instant since, int max) {
    return changedSince("select w", " order by w.name, w.id", Workspace.class, owner, since)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many of the owner's active workspaces changed their settlement method since then. */
  public long countChangedSince(BillingAccount owner, Instant since) {
    return changedSince("select count(w)", "", Long.class, owner, since).getSingleResult();
  }

  private <T> TypedQuery<T> changedSince(
      String select, String order, Class<T> type, BillingAccount owner, Instant since) {
    return em.createQuery(
            select
                + " from Workspace w where w.ownerId = :ownerId and w.status = :active"
                + " and w.settlementChangedAt >= :since"
                + order,
            type)
        .setParameter("ownerId", owner.id())
        .setParameter("active", WorkspaceStatus.ACTIVE)
        .setParameter("since", since);
  }

  /** One page of the owner's workspaces; sorting and filtering are done by the database. */
  public List<Workspace> list(BillingAccount owner, WorkspaceQuery query) {
    String order =
        WorkspaceQuery.SORTABLE.get(query.sortField()) + (query.ascending() ? " asc" : " desc");
    String jpql =
        "select w from Workspace w"
            + where(query)
            + " order by "
            + order
            + ("id".equals(query.sortField()) ? "" : ", w.id asc");
    TypedQuery<Workspace> select = em.createQuery(jpql, Workspace.class);
    bind(select, owner, query);
    return select.setFirstResult(query.first()).setMaxResults(query.size()).getResultList();
  }

  /** How many of the owner's workspaces match the query's filters. */
  public long count(BillingAccount owner, WorkspaceQuery query) {
    TypedQuery<Long> count =
        em.createQuery("select count(w) from Workspace w" + where(query), Long.class);
    bind(count, owner, query);
    return count.getSingleResult();
  }

  private static String where(WorkspaceQuery query) {
    StringBuilder where =
        new StringBuilder(" where w.ownerId = :ownerId and w.status <> :dissolved");
    if (query.nameContains() != null) {
      where.append(" and lower(w.name) like :name escape '!'");
    }
    if (query.siteCode() != null) {
      where.append(" and w.siteCode = :siteCode");
    }
    if (query.status() != null) {
      where.append(" and w.status = :status");
    }
    if (query.plan() != null) {
      where.append(" and w.plan = :plan");
    }
    if (query.settlementMethod() != null) {
      where.append(" and w.settlement.method = :method");
    }
    return where.toString();
  }

  private static void bind(TypedQuery<?> q, BillingAccount owner, WorkspaceQuery query) {
    q.setParameter("ownerId", owner.id());
    q.setParameter("dissolved", WorkspaceStatus.DISSOLVED);
    if (query.nameContains() != null) {
      String escaped =
          query
              .nameContains()
              .toLowerCase(Locale.ROOT)
              .replace("!", "!!")
              .replace("%", "!%")
              .replace("_", "!_");
      q.setParameter("name", "%" + escaped + "%");
    }
    if (query.siteCode() != null) {
      q.setParameter("siteCode", query.siteCode());
    }
    if (query.status() != null) {
      q.setParameter("status", parse(WorkspaceStatus.class, query.status(), "status"));
    }
    if (query.plan() != null) {
      q.setParameter("plan", parse(Plan.class, query.plan(), "plan"));
    }
    if (query.settlementMethod() != null) {
      q.setParameter("method", query.settlementMethod());
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new RuleViolation(
          "filter.invalid", "Unknown " + field + " '" + value + "' in the filter.");
    }
  }

  private Site site(String code) {
    return sites
        .find(code)
        .orElseThrow(() -> new RuleViolation("site.unknown", "There is no site '" + code + "'."));
  }
}
