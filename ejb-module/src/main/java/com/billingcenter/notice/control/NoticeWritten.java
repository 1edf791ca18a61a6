package com.billingcenter.notice.control;

/**
 * A notice was written; {@code mailedLink} is a text with a link that only its mail carries (or
 * null).
 */
public record NoticeWritten(long noticeId, String mailedLink) {}
