package com.billingcenter.audit.boundary;

import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.platform.control.AccountPages;
import com.billingcenter.platform.control.OwnedRows;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** An account's own audit entries, newest first. */
@Stateless
@LocalBean
public class AuditLog implements AccountPages<AuditEntry> {

  public static final int MAX_PAGE_SIZE = 200;

  private static final OwnedRows.Queries<AuditEntry> QUERIES =
      new OwnedRows.Queries<>(
          AuditEntry.class, AuditEntry.BY_ACCOUNT, AuditEntry.COUNT_BY_ACCOUNT, "accountId");

  @Inject OwnedRows rows;

  @Override
  public int maxPageSize() {
    return MAX_PAGE_SIZE;
  }

  @Override
  public List<AuditEntry> page(long accountId, int first, int size) {
    return rows.page(QUERIES, accountId, first, size, MAX_PAGE_SIZE);
  }

  @Override
  public long count(long accountId) {
    return rows.count(QUERIES, accountId);
  }
}
