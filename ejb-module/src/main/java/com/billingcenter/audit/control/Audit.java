package com.billingcenter.audit.control;

import com.billingcenter.audit.entity.AuditEntry;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;

/** Adds audit entries inside the transaction of the change they describe. */
@Dependent
public class Audit {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Acting acting;

  /**
   * Records one change. {@code before} and {@code after} are short descriptions (JSON objects for
   * entities); either is null when there was nothing before or is nothing after.
   */
  public void record(
      Long accountId,
      String actor,
      String action,
      String subjectType,
      Object subjectId,
      String before,
      String after) {
    em.persist(
        new AuditEntry(
            accountId,
            person(accountId, actor),
            clock.instant(),
            action,
            subjectType,
            String.valueOf(subjectId),
            before,
            after));
  }

  /** The team member acting in this request instead of the account's name, if one is. */
  private String person(Long accountId, String actor) {
    try {
      return acting.actorFor(accountId, actor);
    } catch (ContextNotActiveException noRequest) {
      return actor;
    }
  }
}
