package com.billingcenter.audit.boundary;

import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.platform.control.OwnedRows;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;

/** An account's own audit entries, newest first. */
@Stateless
@LocalBean
public class AuditLog extends OwnedRows<AuditEntry> {

  public static final int MAX_PAGE_SIZE = 200;

  public AuditLog() {
    super(
        new Queries<>(
            AuditEntry.class, AuditEntry.BY_ACCOUNT, AuditEntry.COUNT_BY_ACCOUNT, "accountId"),
        MAX_PAGE_SIZE);
  }
}
