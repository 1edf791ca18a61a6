package com.billingcenter.notice.control;

import com.billingcenter.account.entity.Role;
import java.util.Set;

/**
 * A notice was written; {@code mailedLink} is a text with a link that only its mail carries (or
 * null); its mail goes to the account's own login and to the members whose role is in {@code
 * roles}.
 */
public record NoticeWritten(long noticeId, String mailedLink, Set<Role> roles) {

  /** A notice mailed to the account's owners. */
  public NoticeWritten(long noticeId, String mailedLink) {
    this(noticeId, mailedLink, Set.of(Role.OWNER));
  }
}
