package com.billingcenter.notice.boundary;

import com.billingcenter.notice.entity.Notice;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The notices of one Billing Center account, newest first. */
@Stateless
public class NoticeBoard {

  public static final int MAX_PAGE = 200;

  @PersistenceContext EntityManager em;

  public List<Notice> list(long ownerId, int first, int max) {
    return em.createNamedQuery(Notice.BY_OWNER, Notice.class)
        .setParameter("ownerId", ownerId)
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(max, MAX_PAGE)))
        .getResultList();
  }

  public long count(long ownerId) {
    return em.createNamedQuery(Notice.COUNT_BY_OWNER, Long.class)
        .setParameter("ownerId", ownerId)
        .getSingleResult();
  }
}
