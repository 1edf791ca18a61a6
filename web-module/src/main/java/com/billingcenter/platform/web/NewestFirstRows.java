package com.billingcenter.platform.web;

import com.billingcenter.platform.control.AccountPages;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * A lazy table of one account's rows in a fixed order (the audit log, the notices): the database
 * counts them and loads one page at a time; no sorting or filtering.
 */
public final class NewestFirstRows<T> extends LazyDataModel<T> {

  private static final long serialVersionUID = 1L;

  /** How many rows there are. */
  private interface Count extends Serializable {
    long count();
  }

  /** The rows from {@code first}, at most {@code size}. */
  private interface Page<T> extends Serializable {
    List<T> load(int first, int size);
  }

  /** A row's key, for selection and row updates. */
  public interface Key<T> extends Function<T, String>, Serializable {}

  /** How the page shows one of the rows read. */
  public interface Shown<R, T> extends Function<R, T>, Serializable {}

  private final Count count;
  private final Page<T> page;
  private final Key<T> key;

  /**
   * The account's rows of {@code pages} (an EJB reference, which a view may keep), each as {@code
   * shown} makes it.
   */
  public static <R, T> NewestFirstRows<T> of(
      AccountPages<R> pages, long accountId, Shown<R, T> shown, Key<T> key) {
    return new NewestFirstRows<>(
        () -> pages.count(accountId),
        (first, size) -> pages.page(accountId, first, size).stream().map(shown).toList(),
        key);
  }

  private NewestFirstRows(Count count, Page<T> page, Key<T> key) {
    this.count = count;
    this.page = page;
    this.key = key;
  }

  @Override
  public int count(Map<String, FilterMeta> filterBy) {
    return (int) Math.min(Integer.MAX_VALUE, count.count());
  }

  @Override
  public List<T> load(
      int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
    return page.load(first, size);
  }

  @Override
  public String getRowKey(T row) {
    return key.apply(row);
  }
}
