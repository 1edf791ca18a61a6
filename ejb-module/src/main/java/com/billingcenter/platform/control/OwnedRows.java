package com.billingcenter.platform.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * {@link AccountPages} read by a named query and its count query, both taking the account's id as
 * their one parameter, in the order the query gives: the base of the audit log and the notices.
 */
public abstract class OwnedRows<T> implements AccountPages<T> {

  /** A named query and its count, and the name of their one parameter (the account's id). */
  public record Queries<T>(Class<T> type, String page, String count, String parameter) {}

  @PersistenceContext EntityManager em;

  private final Queries<T> queries;
  private final int maxPageSize;

  protected OwnedRows(Queries<T> queries, int maxPageSize) {
    this.queries = queries;
    this.maxPageSize = maxPageSize;
  }

  @Override
  public int maxPageSize() {
    return maxPageSize;
  }

  /**
   * Rows {@code first} (from 0) to {@code first + size}; a size beyond {@link #maxPageSize()} is
   * cut to it, and a negative first row reads from the start.
   */
  @Override
  public List<T> page(long accountId, int first, int size) {
    return em.createNamedQuery(queries.page(), queries.type())
        .setParameter(queries.parameter(), accountId)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(size, maxPageSize)))
        .getResultList();
  }

  @Override
  public long count(long accountId) {
    return em.createNamedQuery(queries.count(), Long.class)
        .setParameter(queries.parameter(), accountId)
        .getSingleResult();
  }
}
