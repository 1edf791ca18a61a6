package com.billingcenter.notice.web;

import com.billingcenter.notice.boundary.NoticeBoard;
import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.web.Caller;
import com.billingcenter.platform.web.NewestFirstRows;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.primefaces.model.LazyDataModel;

/**
 * {@code notices.xhtml}: the account's notices, newest first, each in the language of its workspace
 * (marked with {@code lang} for screen readers).
 */
@Named
@ViewScoped
public class NoticesView implements Serializable {

  private static final long serialVersionUID = 1L;

  static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** A notice as the page shows it. */
  public record Row(
      long id, String at, String language, String subject, String body, Long lockedWorkspace)
      implements Serializable {

    static Row of(Notice n) {
      return new Row(
          n.id(),
          UTC.format(n.createdAt()),
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
    long ownerId = caller.account().id();
    NoticeBoard noticeBoard = board;
    notices =
        new NewestFirstRows<>(
            () -> noticeBoard.count(ownerId),
            (first, size) -> noticeBoard.list(ownerId, first, size).stream().map(Row::of).toList(),
            row -> String.valueOf(row.id()));
  }

  public LazyDataModel<Row> getNotices() {
    return notices;
  }
}
