package com.billingcenter.platform.control;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Pages of one account's rows (audit entries, notices) by a named query and its count query, both
 * taking the account's id as their one parameter; in the order the query gives.
 */
@Dependent
public class OwnedRows {

  @PersistenceContext EntityManager em;

  /** A named query and its count, and the name of their one parameter (the account's id). */
  public record Queries<T>(Class<T> type, String page, String count, String parameter) {}

  /**
   * Rows {@code first} (from 0) to {@code first + size}; a size beyond {@code maxSize} is cut to
   * it, and a negative first row reads from the start.
   */
  public <T> List<T> page(Queries<T> queries, long ownerId, int first, int size, int maxSize) {
    return em.createNamedQuery(queries.page(), queries.type())
        .setParameter(queries.parameter(), ownerId)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(size, maxSize)))
        .getResultList();
  }

  /** How many rows the account has. */
  public long count(Queries<?> queries, long ownerId) {
    return em.createNamedQuery(queries.count(), Long.class)
        .setParameter(queries.parameter(), ownerId)
        .getSingleResult();
  }
}
