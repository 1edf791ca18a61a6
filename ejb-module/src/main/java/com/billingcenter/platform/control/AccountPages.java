package com.billingcenter.platform.control;

import java.util.List;

/**
 * One account's rows of one kind, newest first, a page at a time (the audit log, the notices): what
 * both the pages' lazy tables and the API's paged lists read.
 */
public interface AccountPages<T> {

  /** The most rows one page may hold. */
  int maxPageSize();

  /** How many rows the account has. */
  long count(long accountId);

  /** Rows {@code first} (from 0) to {@code first + size}, at most {@link #maxPageSize()}. */
  List<T> page(long accountId, int first, int size);
}
