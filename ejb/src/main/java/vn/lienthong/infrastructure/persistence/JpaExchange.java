package vn.lienthong.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.exchange.Delivery;
import vn.lienthong.domain.exchange.DeliveryEvent;
import vn.lienthong.domain.exchange.DeliveryStatus;
import vn.lienthong.domain.exchange.Envelope;
import vn.lienthong.domain.exchange.EnvelopeStatus;
import vn.lienthong.domain.exchange.Exchange;
import vn.lienthong.domain.exchange.IncomingDocument;

@ApplicationScoped
public class JpaExchange implements Exchange {
  @PersistenceContext EntityManager em;

  @Override
  public void add(Envelope envelope) {
    em.persist(envelope);
  }

  @Override
  public Optional<Envelope> findEnvelope(UUID id) {
    return Optional.ofNullable(em.find(Envelope.class, id));
  }

  @Override
  public List<Envelope> envelopesOf(UUID documentId) {
    return em.createQuery(
            "SELECT e FROM Envelope e WHERE e.documentId = :doc ORDER BY e.createdAt",
            Envelope.class)
        .setParameter("doc", documentId)
        .getResultList();
  }

  @Override
  public void add(Delivery delivery) {
    em.persist(delivery);
  }

  @Override
  public Optional<Delivery> findDelivery(UUID id) {
    return Optional.ofNullable(em.find(Delivery.class, id));
  }

  @Override
  public void record(DeliveryEvent event) {
    em.persist(event);
  }

  @Override
  public List<Delivery> deliveriesOf(UUID documentId) {
    return em.createQuery("SELECT d FROM Delivery d WHERE d.documentId = :doc", Delivery.class)
        .setParameter("doc", documentId)
        .getResultList();
  }

  @Override
  public List<DeliveryEvent> historyOf(UUID documentId) {
    return em.createQuery(
            "SELECT ev FROM DeliveryEvent ev, Delivery d WHERE ev.deliveryId = d.id"
                + " AND d.documentId = :doc ORDER BY ev.id",
            DeliveryEvent.class)
        .setParameter("doc", documentId)
        .getResultList();
  }

  @Override
  public boolean isRecipient(UUID documentId, String unitCode) {
    return !em.createQuery(
            "SELECT d.id FROM Delivery d WHERE d.documentId = :doc AND d.recipientCode = :unit"
                + " AND d.status NOT IN (:pending, :failed)",
            UUID.class)
        .setParameter("doc", documentId)
        .setParameter("unit", unitCode)
        .setParameter("pending", DeliveryStatus.PENDING)
        .setParameter("failed", DeliveryStatus.FAILED)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  @Override
  public List<IncomingDocument> inbox(String unitCode, int offset, int limit) {
    return em.createQuery(
            "SELECT d, o FROM Delivery d, OutgoingDocument o WHERE o.id = d.documentId"
                + " AND d.recipientCode = :unit AND d.status <> :pending"
                + " ORDER BY d.arrivedAt DESC, d.id",
            Object[].class)
        .setParameter("unit", unitCode)
        .setParameter("pending", DeliveryStatus.PENDING)
        .setFirstResult(offset)
        .setMaxResults(limit)
        .getResultStream()
        .map(row -> new IncomingDocument((Delivery) row[0], (OutgoingDocument) row[1]))
        .toList();
  }

  @Override
  public long inboxSize(String unitCode) {
    return em.createQuery(
            "SELECT count(d) FROM Delivery d WHERE d.recipientCode = :unit AND d.status <> :pending",
            Long.class)
        .setParameter("unit", unitCode)
        .setParameter("pending", DeliveryStatus.PENDING)
        .getSingleResult();
  }

  @Override
  public List<Envelope> queuedSince(Instant before, int max) {
    return em.createQuery(
            "SELECT e FROM Envelope e WHERE e.status = :queued AND e.lastPublishedAt < :before"
                + " ORDER BY e.lastPublishedAt",
            Envelope.class)
        .setParameter("queued", EnvelopeStatus.QUEUED)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList();
  }

  @Override
  public void flush() {
    em.flush();
  }

  @Override
  public void recordFailure(UUID deliveryId, Instant at, boolean deadLetter, String reason) {
    em.createNativeQuery(
            "INSERT INTO delivery_failure (delivery_id, occurred_at, kind, reason)"
                + " VALUES (?1, ?2, ?3, ?4)")
        .setParameter(1, deliveryId)
        .setParameter(2, at)
        .setParameter(3, deadLetter ? "DEAD_LETTER" : "ATTEMPT")
        .setParameter(4, reason)
        .executeUpdate();
  }

  @Override
  public Failures failuresOf(UUID deliveryId, Instant since) {
    Instant from = since == null ? Instant.EPOCH : since;
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "SELECT count(*) FILTER (WHERE kind = 'DEAD_LETTER'),"
                        + " (SELECT reason FROM delivery_failure f2 WHERE f2.delivery_id = ?1"
                        + " AND f2.occurred_at >= ?2 AND f2.reason IS NOT NULL"
                        + " AND f2.kind = 'ATTEMPT' ORDER BY f2.id DESC LIMIT 1)"
                        + " FROM delivery_failure WHERE delivery_id = ?1 AND occurred_at >= ?2")
                .setParameter(1, deliveryId)
                .setParameter(2, from)
                .getSingleResult();
    return new Failures(((Number) row[0]).intValue(), (String) row[1]);
  }

  @Override
  public List<Delivery> pendingSince(Instant before, int max) {
    return em.createQuery(
            "SELECT d FROM Delivery d WHERE d.status = :pending AND d.lastPublishedAt < :before"
                + " ORDER BY d.lastPublishedAt",
            Delivery.class)
        .setParameter("pending", DeliveryStatus.PENDING)
        .setParameter("before", before)
        .setMaxResults(max)
        .getResultList();
  }
}
