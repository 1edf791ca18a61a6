package com.billingcenter.audit.web;

import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.NewestFirstRows;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/** {@code audit.xhtml}: the account's audit entries, paged by the database. */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** An entry as the page shows it. */
  public record Row(
      long id, String at, String actor, String action, String subject, String before, String after)
      implements Serializable {

    static Row of(AuditEntry e) {
      return new Row(
          e.id(),
          UtcTimes.SECONDS.format(e.occurredAt()),
          e.actorSeenByCustomer(),
          e.action(),
          e.subjectType() + " " + e.subjectId(),
          e.before(),
          e.after());
    }
  }

  @Inject Caller caller;
  @Inject AuditLog auditLog;

  private LazyDataModel<Row> entries;

  @PostConstruct
  void init() {
    entries =
        NewestFirstRows.of(
            auditLog, caller.account().id(), Row::of, row -> String.valueOf(row.id()));
  }

  public LazyDataModel<Row> getEntries() {
    return entries;
  }
}
