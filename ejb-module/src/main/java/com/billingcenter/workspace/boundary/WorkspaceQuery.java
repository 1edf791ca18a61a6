package com.billingcenter.workspace.boundary;

import com.billingcenter.platform.entity.RuleViolation;
import java.util.Locale;
import java.util.Map;

/**
 * One page of Workspace Management: which rows, in which order, filtered how. Only the fields below
 * can be sorted or filtered on, so no input ever reaches the query text. Null filters match all.
 */
public record WorkspaceQuery(
    int first,
    int size,
    String sortField,
    boolean ascending,
    String nameContains,
    String siteCode,
    String status,
    String plan,
    String settlementMethod) {

  public static final int MAX_PAGE_SIZE = 200;

  /** API and page sort fields mapped to query paths. */
  static final Map<String, String> SORTABLE =
      Map.of(
          "id", "w.id",
          "name", "w.name",
          "siteCode", "w.siteCode",
          "language", "w.language",
          "plan", "w.plan",
          "settlementMethod", "w.settlement.method",
          "status", "w.status",
          "createdAt", "w.createdAt");

  public WorkspaceQuery {
    if (first < 0) {
      throw new RuleViolation("page.invalid", "The first row cannot be negative.");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new RuleViolation(
          "page.size.invalid", "A page has 1 to " + MAX_PAGE_SIZE + " workspaces.");
    }
    if (sortField == null || sortField.isBlank()) {
      sortField = "id";
    }
    if (!SORTABLE.containsKey(sortField)) {
      throw new RuleViolation(
          "sort.invalid",
          "Workspaces can be sorted by "
              + String.join(", ", new java.util.TreeSet<>(SORTABLE.keySet()))
              + ".");
    }
    nameContains = blankToNull(nameContains);
    siteCode = blankToNull(siteCode);
    status = upper(status);
    plan = upper(plan);
    settlementMethod = blankToNull(settlementMethod);
  }

  public static WorkspaceQuery firstPage(int size) {
    return new WorkspaceQuery(0, size, "id", true, null, null, null, null, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String upper(String value) {
    String v = blankToNull(value);
    return v == null ? null : v.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
