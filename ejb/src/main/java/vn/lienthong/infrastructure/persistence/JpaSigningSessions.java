package vn.lienthong.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.domain.signing.SigningSession;
import vn.lienthong.domain.signing.SigningSessions;

@ApplicationScoped
public class JpaSigningSessions implements SigningSessions {
  @PersistenceContext EntityManager em;

  @Override
  public void add(SigningSession session) {
    em.persist(session);
  }

  @Override
  public Optional<SigningSession> lock(UUID id) {
    return Optional.ofNullable(em.find(SigningSession.class, id, LockModeType.PESSIMISTIC_WRITE));
  }
}
