package com.billingcenter.platform.rest;

import com.billingcenter.platform.control.AccountPages;
import java.util.List;
import java.util.function.Function;

/** One page of a list as the API answers it: its number, its size, the total and its items. */
public record PageJson<T>(int page, int size, long total, List<T> items) {

  /**
   * Page {@code page} (from 1) of {@code size} of the account's rows, each turned into its JSON
   * form; {@code rows} names them in the refusal of a page or size out of range ({@link Paging}).
   */
  public static <R, T> PageJson<T> of(
      int page, int size, String rows, AccountPages<R> pages, long accountId, Function<R, T> json) {
    int first = Paging.firstRow(page, size, pages.maxPageSize(), rows);
    return new PageJson<>(
        page,
        size,
        pages.count(accountId),
        pages.page(accountId, first, size).stream().map(json).toList());
  }
}
