package com.billingcenter.metering.control;

import com.billingcenter.metering.entity.MeteringRun;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** Keeps each metering run's progress, in transactions of their own so it shows while it runs. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MeteringRuns {

  @PersistenceContext EntityManager em;

  public MeteringRun save(MeteringRun run) {
    if (run.id() == null) {
      em.persist(run);
      return run;
    }
    return em.merge(run);
  }

  /** The newest runs first. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<MeteringRun> newest(int max) {
    return em.createNamedQuery(MeteringRun.NEWEST, MeteringRun.class)
        .setMaxResults(max)
        .getResultList();
  }
}
