package com.billingcenter.notice.boundary;

import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.control.OwnedRows;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The notices of one Billing Center account, newest first. */
@Stateless
public class NoticeBoard {

  public static final int MAX_PAGE = 200;

  private static final OwnedRows.Queries<Notice> QUERIES =
      new OwnedRows.Queries<>(Notice.class, Notice.BY_OWNER, Notice.COUNT_BY_OWNER, "ownerId");

  @Inject OwnedRows rows;

  public List<Notice> list(long ownerId, int first, int max) {
    return rows.page(QUERIES, ownerId, first, max, MAX_PAGE);
  }

  public long count(long ownerId) {
    return rows.count(QUERIES, ownerId);
  }
}
