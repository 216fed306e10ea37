package vn.lienthong.application.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import vn.lienthong.application.security.Caller;
import vn.lienthong.domain.audit.AuditChain;
import vn.lienthong.domain.audit.AuditEvent;

/**
 * Writes the audit trail, an append-only hash chain ({@link AuditChain}). An entry takes the next
 * place in the chain under a transaction-scoped lock, so entries of concurrent transactions chain
 * in commit order; the lock is held until the writing transaction ends, which is why an action's
 * entry is written last in its transaction. A refusal is written in a transaction of its own and
 * must not follow an entry of the calling transaction (it would wait for that transaction's lock).
 */
@Stateless
public class AuditLog {
  /** The advisory lock that orders the chain ("LTAUDIT" in ASCII). */
  private static final long CHAIN_LOCK = 0x4C5441554449L;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Records an action within the caller's transaction: it stands or falls with the action. */
  public void record(Caller who, String action, String objectId, String detail) {
    record(who, action, objectId, null, detail);
  }

  /** As {@link #record(Caller, String, String, String)}, for an action on a document's bytes. */
  public void record(
      Caller who, String action, String objectId, String documentSha256, String detail) {
    em.createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?1)) AS l")
        .setParameter(1, CHAIN_LOCK)
        .getSingleResult();
    @SuppressWarnings("unchecked")
    List<Object[]> last =
        em.createNativeQuery(
                "SELECT chain_position, entry_hash FROM audit_event"
                    + " WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1")
            .getResultList();
    long position = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
    String previous = last.isEmpty() ? AuditChain.GENESIS : (String) last.get(0)[1];
    em.persist(
        new AuditEvent(
            position,
            previous,
            clock.instant(),
            who.username(),
            who.unitCode(),
            action,
            objectId,
            documentSha256,
            detail));
  }

  /** Records a refusal: in its own transaction, since the refused request rolls back. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void refusal(Caller who, String action, String objectId, String detail) {
    record(who, action, objectId, detail);
  }
}
