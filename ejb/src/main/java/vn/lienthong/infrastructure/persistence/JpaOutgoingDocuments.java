package vn.lienthong.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.document.OutgoingDocuments;
import vn.lienthong.domain.document.OutgoingRegister;

@ApplicationScoped
public class JpaOutgoingDocuments implements OutgoingDocuments {
  @PersistenceContext EntityManager em;

  @Override
  public void add(OutgoingDocument document) {
    em.persist(document);
  }

  @Override
  public Optional<OutgoingDocument> find(UUID id) {
    return Optional.ofNullable(em.find(OutgoingDocument.class, id));
  }

  @Override
  public Optional<OutgoingDocument> lock(UUID id) {
    return Optional.ofNullable(em.find(OutgoingDocument.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public OutgoingRegister lockRegister(String unitCode, int year) {
    // The first number of a year creates the row; ON CONFLICT lets two clerks race for it safely,
    // then the row lock serialises the numbering itself.
    em.createNativeQuery(
            "INSERT INTO outgoing_register (unit_code, year, last_number) VALUES (?1, ?2, 0)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, unitCode)
        .setParameter(2, year)
        .executeUpdate();
    return em.find(
        OutgoingRegister.class,
        new OutgoingRegister.Key(unitCode, year),
        LockModeType.PESSIMISTIC_WRITE);
  }
}
