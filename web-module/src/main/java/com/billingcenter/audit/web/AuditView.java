package com.billingcenter.audit.web;

import com.billingcenter.account.boundary.Accounts;
import com.billingcenter.audit.boundary.AuditLog;
import com.billingcenter.audit.entity.AuditEntry;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** {@code audit.xhtml}: the account's audit entries, paged by the database. */
@Named
@ViewScoped
public class AuditView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** An entry as the page shows it. */
  public record Row(
      long id, String at, String actor, String action, String subject, String before, String after)
      implements Serializable {

    public String getAt() {
      return at;
    }

    public String getActor() {
      return actor;
    }

    public String getAction() {
      return action;
    }

    public String getSubject() {
      return subject;
    }

    public String getBefore() {
      return before;
    }

    public String getAfter() {
      return after;
    }

    static Row of(AuditEntry e) {
      return new Row(
          e.id(),
          UTC.format(e.occurredAt()),
          e.actor(),
          e.action(),
          e.subjectType() + " " + e.subjectId(),
          e.before(),
          e.after());
    }
  }

  @Inject Accounts accounts;
  @Inject AuditLog auditLog;

  private LazyDataModel<Row> entries;

  @PostConstruct
  void init() {
    String username =
        FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal().getName();
    long accountId = accounts.require(username).id();
    AuditLog log = auditLog;
    entries =
        new LazyDataModel<>() {
          private static final long serialVersionUID = 1L;

          @Override
          public int count(Map<String, FilterMeta> filterBy) {
            return (int) log.count(accountId);
          }

          @Override
          public List<Row> load(
              int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filter) {
            return log.page(accountId, first, size).stream().map(Row::of).toList();
          }

          @Override
          public String getRowKey(Row row) {
            return String.valueOf(row.id());
          }
        };
  }

  public LazyDataModel<Row> getEntries() {
    return entries;
  }
}
