package com.billingcenter.notice.control;

/** A notice was written; observers act once its transaction has committed. */
public record NoticeWritten(long noticeId) {}
