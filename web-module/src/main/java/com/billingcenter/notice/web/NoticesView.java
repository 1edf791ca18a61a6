package com.billingcenter.notice.web;

import com.billingcenter.notice.boundary.NoticeBoard;
import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.entity.UtcTimes;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.NewestFirstRows;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/**
 * {@code notices.xhtml}: the account's notices, newest first, each in the language of its workspace
 * (marked with {@code lang} for screen readers).
 */
@Named
@ViewScoped
public class NoticesView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A notice as the page shows it. */
  public record Row(
      long id, String at, String language, String subject, String body, Long lockedWorkspace)
      implements Serializable {

    static Row of(Notice n) {
      return new Row(
          n.id(),
          UtcTimes.MINUTES.format(n.createdAt()),
          n.language().code(),
          n.subject(),
          n.body(),
          "workspace.locked".equals(n.kind()) ? n.workspaceId() : null);
    }
  }

  @Inject Caller caller;
  @Inject NoticeBoard board;

  private LazyDataModel<Row> notices;

  @PostConstruct
  void init() {
    notices =
        NewestFirstRows.of(board, caller.account().id(), Row::of, row -> String.valueOf(row.id()));
  }

  public LazyDataModel<Row> getNotices() {
    return notices;
  }
}
