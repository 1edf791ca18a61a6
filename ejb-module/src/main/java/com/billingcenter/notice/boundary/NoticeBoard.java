package com.billingcenter.notice.boundary;

import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.control.AccountPages;
import com.billingcenter.platform.control.OwnedRows;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;

/** The notices of one Billing Center account, newest first. */
@Stateless
@LocalBean
public class NoticeBoard implements AccountPages<Notice> {

  public static final int MAX_PAGE = 200;

  private static final OwnedRows.Queries<Notice> QUERIES =
      new OwnedRows.Queries<>(Notice.class, Notice.BY_OWNER, Notice.COUNT_BY_OWNER, "ownerId");

  @Inject OwnedRows rows;

  @Override
  public int maxPageSize() {
    return MAX_PAGE;
  }

  @Override
  public List<Notice> page(long ownerId, int first, int size) {
    return rows.page(QUERIES, ownerId, first, size, MAX_PAGE);
  }

  @Override
  public long count(long ownerId) {
    return rows.count(QUERIES, ownerId);
  }
}
