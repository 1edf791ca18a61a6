package com.billingcenter.audit.boundary;

import com.billingcenter.audit.entity.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** An account's own audit entries, newest first. */
@Stateless
public class AuditLog {

  public static final int MAX_PAGE_SIZE = 200;

  @PersistenceContext EntityManager em;

  public List<AuditEntry> page(long accountId, int first, int size) {
    return em.createNamedQuery(AuditEntry.BY_ACCOUNT, AuditEntry.class)
        .setParameter("accountId", accountId)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(size, MAX_PAGE_SIZE)))
        .getResultList();
  }

  public long count(long accountId) {
    return em.createNamedQuery(AuditEntry.COUNT_BY_ACCOUNT, Long.class)
        .setParameter("accountId", accountId)
        .getSingleResult();
  }
}
