package com.billingcenter.notice.boundary;

import com.billingcenter.notice.entity.Notice;
import com.billingcenter.platform.control.OwnedRows;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;

/** The notices of one Billing Center account, newest first. */
@Stateless
@LocalBean
public class NoticeBoard extends OwnedRows<Notice> {

  public static final int MAX_PAGE = 200;

  public NoticeBoard() {
    super(new Queries<>(Notice.class, Notice.BY_OWNER, Notice.COUNT_BY_OWNER, "ownerId"), MAX_PAGE);
  }
}
