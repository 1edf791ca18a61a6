package com.billingcenter.platform.rest;

import java.util.List;
import java.util.function.Function;

/** One page of a list as the API answers it: its number, its size, the total and its items. */
public record PageJson<T>(int page, int size, long total, List<T> items) {

  /** The page of these rows, each turned into its JSON form. */
  public static <R, T> PageJson<T> of(
      int page, int size, long total, List<R> rows, Function<R, T> json) {
    return new PageJson<>(page, size, total, rows.stream().map(json).toList());
  }
}
