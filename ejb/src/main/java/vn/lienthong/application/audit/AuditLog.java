package vn.lienthong.application.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import vn.lienthong.application.security.Caller;
import vn.lienthong.domain.audit.AuditEvent;

/** Writes the audit trail. */
@Stateless
public class AuditLog {
  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Records an action within the caller's transaction: it stands or falls with the action. */
  public void record(Caller who, String action, String objectId, String detail) {
    em.persist(
        new AuditEvent(clock.instant(), who.username(), who.unitCode(), action, objectId, detail));
  }

  /** Records a refusal: in its own transaction, since the refused request rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void refusal(Caller who, String action, String objectId, String detail) {
    record(who, action, objectId, detail);
  }
}
