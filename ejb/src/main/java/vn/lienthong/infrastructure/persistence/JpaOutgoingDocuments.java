package vn.lienthong.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
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

  @Override
  public Optional<OutgoingDocument> findByNotation(String unitCode, String notation, int year) {
    return em.createQuery(
            "SELECT o FROM OutgoingDocument o WHERE o.unitCode = :unit AND o.notation = :notation"
                + " AND o.registerYear = :year ORDER BY o.createdAt",
            OutgoingDocument.class)
        .setParameter("unit", unitCode)
        .setParameter("notation", notation)
        .setParameter("year", year)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public void indexText(UUID id, String text) {
    em.flush();
    // NUL is the one character PostgreSQL text refuses
    em.createNativeQuery(
            "UPDATE outgoing_document SET search_body = to_tsvector('simple', lt_fold(?2))"
                + " WHERE id = ?1")
        .setParameter(1, id)
        .setParameter(2, text.replace('\0', ' '))
        .executeUpdate();
  }

  @Override
  public List<OutgoingDocument> register(String unitCode, int year, int afterNumber, int limit) {
    return em.createQuery(
            "SELECT o FROM OutgoingDocument o WHERE o.unitCode = :unit AND o.registerYear = :year"
                + " AND o.registerNumber > :after ORDER BY o.registerNumber",
            OutgoingDocument.class)
        .setParameter("unit", unitCode)
        .setParameter("year", year)
        .setParameter("after", afterNumber)
        .setMaxResults(limit)
        .getResultList();
  }
}
