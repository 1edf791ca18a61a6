package com.billingcenter.workspace.web;

import com.billingcenter.account.entity.BillingAccount;
import com.billingcenter.workspace.boundary.WorkspaceQuery;
import com.billingcenter.workspace.boundary.Workspaces;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The Workspace Management table's rows, fetched a page at a time: PrimeFaces hands over the page,
 * sort and filters, and the database does the work (see {@link Workspaces#list}).
 */
class WorkspaceTableModel extends LazyDataModel<WorkspaceRow> {

  private static final long serialVersionUID = 1L;

  private final Workspaces workspaces;
  private final Clock clock;
  private final SerializableSupplier owner;

  interface SerializableSupplier extends Supplier<BillingAccount>, java.io.Serializable {}

  WorkspaceTableModel(Workspaces workspaces, Clock clock, SerializableSupplier owner) {
    this.workspaces = workspaces;
    this.clock = clock;
    this.owner = owner;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) workspaces.count(owner.get(), query(0, 1, Map.of(), filterBy));
  }

  @Override
  public List<WorkspaceRow> load(
      int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    var now = clock.instant();
    return workspaces.list(owner.get(), query(first, pageSize, sortBy, filterBy)).stream()
        .map(w -> new WorkspaceRow(w, now))
        .toList();
  }

  @Override
  public String getRowKey(WorkspaceRow row) {
    return String.valueOf(row.getId());
  }

  @Override
  public WorkspaceRow getRowData(String rowKey) {
    List<WorkspaceRow> page = getWrappedData();
    return page == null
        ? null
        : page.stream().filter(r -> getRowKey(r).equals(rowKey)).findFirst().orElse(null);
  }

  private static WorkspaceQuery query(
      int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    SortMeta sort = sortBy.values().stream().findFirst().orElse(null);
    return new WorkspaceQuery(
        first,
        Math.min(Math.max(size, 1), WorkspaceQuery.MAX_PAGE_SIZE),
        sort == null ? "id" : sort.getField(),
        sort == null || sort.getOrder() != SortOrder.DESCENDING,
        filter(filterBy, "name"),
        filter(filterBy, "siteCode"),
        filter(filterBy, "status"),
        filter(filterBy, "plan"),
        filter(filterBy, "settlementMethod"));
  }

  private static String filter(Map<String, FilterMeta> filterBy, String field) {
    FilterMeta meta = filterBy.get(field);
    Object value = meta == null ? null : meta.getFilterValue();
    return value == null ? null : value.toString();
  }
}
