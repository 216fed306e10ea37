package vn.lienthong.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.application.Settings;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.exchange.Delivery;
import vn.lienthong.domain.exchange.DeliveryEvent;
import vn.lienthong.domain.exchange.DeliveryStatus;
import vn.lienthong.domain.exchange.Envelope;
import vn.lienthong.domain.exchange.EnvelopeStatus;
import vn.lienthong.domain.exchange.Exchange;
import vn.lienthong.domain.exchange.InboxCursor;
import vn.lienthong.domain.exchange.InboxFilter;
import vn.lienthong.domain.exchange.IncomingDocument;

@ApplicationScoped
public class JpaExchange implements Exchange {
  private static final org.jboss.logging.Logger LOG =
      org.jboss.logging.Logger.getLogger(JpaExchange.class);

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject Settings settings;

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
  public List<Delivery> lockDeliveriesOf(UUID documentId) {
    return em.createQuery(
            "SELECT d FROM Delivery d WHERE d.documentId = :doc ORDER BY d.id", Delivery.class)
        .setParameter("doc", documentId)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
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
  public Optional<Delivery> lockDelivery(UUID id) {
    return Optional.ofNullable(em.find(Delivery.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  @Override
  public int nextIncomingNumber(String unitCode, int year) {
    // The first number of a year creates the row; ON CONFLICT lets two clerks race for it safely,
    // then the row lock serialises the numbering itself.
    em.createNativeQuery(
            "INSERT INTO incoming_register (unit_code, year, last_number) VALUES (?1, ?2, 0)"
                + " ON CONFLICT DO NOTHING")
        .setParameter(1, unitCode)
        .setParameter(2, year)
        .executeUpdate();
    int last =
        ((Number)
                em.createNativeQuery(
                        "SELECT last_number FROM incoming_register WHERE unit_code = ?1"
                            + " AND year = ?2 FOR UPDATE")
                    .setParameter(1, unitCode)
                    .setParameter(2, year)
                    .getSingleResult())
            .intValue();
    em.createNativeQuery(
            "UPDATE incoming_register SET last_number = ?3 WHERE unit_code = ?1 AND year = ?2")
        .setParameter(1, unitCode)
        .setParameter(2, year)
        .setParameter(3, last + 1)
        .executeUpdate();
    return last + 1;
  }

  @Override
  public Optional<Delivery> earlierArrival(
      String unitCode, String senderCode, String notation, int year, UUID except) {
    return em.createQuery(
            "SELECT d FROM Delivery d, OutgoingDocument o WHERE o.id = d.documentId"
                + " AND d.recipientCode = :unit AND o.unitCode = :sender"
                + " AND o.notation = :notation AND o.registerYear = :year AND d.id <> :except"
                + " AND d.status NOT IN (:pending, :failed) ORDER BY d.arrivedAt, d.id",
            Delivery.class)
        .setParameter("unit", unitCode)
        .setParameter("sender", senderCode)
        .setParameter("notation", notation)
        .setParameter("year", year)
        .setParameter("except", except)
        .setParameter("pending", DeliveryStatus.PENDING)
        .setParameter("failed", DeliveryStatus.FAILED)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  @Override
  public List<IncomingDocument> inbox(
      String unitCode, InboxFilter filter, InboxCursor after, int limit) {
    // Native, for the row comparison on the cursor: with the ORDER BY it walks
    // delivery_inbox_idx from where the last page ended.
    StringBuilder sql =
        new StringBuilder("SELECT d.* FROM delivery d WHERE d.recipient_code = :unit");
    Map<String, Object> params = new HashMap<>();
    params.put("unit", unitCode);
    if (filter.statuses().isEmpty()) {
      // the inbox index's own predicate, word for word, so the planner uses it
      sql.append(" AND d.status NOT IN ('PENDING', 'RECALLED')");
    } else {
      sql.append(" AND d.status IN (:statuses)");
      params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
    }
    if (filter.urgency() != null) {
      sql.append(" AND d.urgency_rank = :rank");
      params.put("rank", filter.urgency().rank());
    }
    if (filter.type() != null) {
      sql.append(
          " AND EXISTS (SELECT 1 FROM outgoing_document o WHERE o.id = d.document_id"
              + " AND o.type = :type)");
      params.put("type", filter.type().name());
    }
    if (filter.arrivedFrom() != null) {
      sql.append(" AND d.arrived_at >= :from");
      params.put("from", filter.arrivedFrom().atStartOfDay(Settings.VIETNAM).toInstant());
    }
    if (filter.arrivedTo() != null) {
      sql.append(" AND d.arrived_at < :to");
      params.put("to", filter.arrivedTo().plusDays(1).atStartOfDay(Settings.VIETNAM).toInstant());
    }
    if (filter.overdueOn() != null) {
      sql.append(
          " AND d.deadline < :today AND d.status IN ('REGISTERED', 'ASSIGNED', 'IN_PROGRESS')");
      params.put("today", filter.overdueOn());
    }
    if (filter.handler() != null) {
      sql.append(" AND d.handler = :handler");
      params.put("handler", filter.handler());
    }
    if (after != null) {
      sql.append(" AND (d.urgency_rank, d.arrived_at, d.id) < (:afterRank, :afterAt, :afterId)");
      params.put("afterRank", after.urgencyRank());
      params.put("afterAt", after.arrivedAt());
      params.put("afterId", after.id());
    }
    if (filter.words() != null) {
      // Frequent words are found among the newest entries: a walk of a few hundred at most.
      List<Delivery> near = nearestMatches(sql.toString(), params, filter.words(), limit);
      if (near.size() == limit) {
        LOG.debugf("search %s: among the newest", filter.words());
        return withDocuments(near);
      }
      // The planner cannot tell a rare word from a frequent one (a number, a name: no statistics
      // for it), so it walks the inbox in order and tests every document: fast when the words are
      // frequent, seconds when they match a handful of 300,000. So the matches are looked up in
      // the full-text index first; when they are few the page is read among them, and only when
      // they are many does the walk run, which then finds a page's worth quickly.
      int few = settings.searchFewMatches();
      List<UUID> matching = matchingDocuments(filter.words(), few);
      LOG.debugf(
          "search %s: %s", filter.words(), matching.size() <= few ? "among the matches" : "walk");
      if (matching.isEmpty()) {
        return List.of();
      }
      if (matching.size() <= few) {
        sql.append(" AND d.document_id IN (:matching)");
        params.put("matching", matching);
      } else {
        sql.append(
            " AND EXISTS (SELECT 1 FROM outgoing_document o WHERE o.id = d.document_id AND"
                + " (o.search_meta || o.search_body) @@ plainto_tsquery('simple', lt_fold(:words)))");
        params.put("words", filter.words());
      }
    }
    sql.append(ORDER);
    var query = em.createNativeQuery(sql.toString(), Delivery.class);
    params.forEach(query::setParameter);
    @SuppressWarnings("unchecked")
    List<Delivery> page = query.setMaxResults(limit).getResultList();
    return withDocuments(page);
  }

  /** How many of the newest entries a search looks through before it asks the index. */
  static final int SEARCH_NEAR = 500;

  private static final String ORDER = " ORDER BY d.urgency_rank DESC, d.arrived_at DESC, d.id DESC";

  /**
   * The entries the words find among the {@link #SEARCH_NEAR} first of the page's order: a full
   * page here is the page (they are the first matches in that order), found without the index.
   */
  private List<Delivery> nearestMatches(
      String sql, Map<String, Object> params, String words, int limit) {
    var query =
        em.createNativeQuery(
            "SELECT w.* FROM ("
                + sql
                + ORDER
                + " LIMIT "
                + SEARCH_NEAR
                + ") w WHERE EXISTS (SELECT 1 FROM outgoing_document o WHERE o.id = w.document_id"
                + " AND (o.search_meta || o.search_body) @@ plainto_tsquery('simple',"
                + " lt_fold(:words))) ORDER BY w.urgency_rank DESC, w.arrived_at DESC, w.id DESC",
            Delivery.class);
    params.forEach(query::setParameter);
    query.setParameter("words", words);
    @SuppressWarnings("unchecked")
    List<Delivery> found = query.setMaxResults(limit).getResultList();
    return found;
  }

  /** Up to {@code few} + 1 documents (of any unit) the words find, by the GIN index. */
  private List<UUID> matchingDocuments(String words, int few) {
    @SuppressWarnings("unchecked")
    List<Object> ids =
        em.createNativeQuery(
                "SELECT CAST(o.id AS text) FROM outgoing_document o WHERE (o.search_meta ||"
                    + " o.search_body) @@ plainto_tsquery('simple', lt_fold(?1)) LIMIT ?2")
            .setParameter(1, words)
            .setParameter(2, few + 1)
            .getResultList();
    return ids.stream().map(id -> UUID.fromString(id.toString())).toList();
  }

  /** The deliveries with their documents, in the deliveries' order, in one more query. */
  private List<IncomingDocument> withDocuments(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return List.of();
    }
    Map<UUID, OutgoingDocument> docs = new HashMap<>();
    em.createQuery("SELECT o FROM OutgoingDocument o WHERE o.id IN :ids", OutgoingDocument.class)
        .setParameter("ids", deliveries.stream().map(Delivery::documentId).distinct().toList())
        .getResultStream()
        .forEach(o -> docs.put(o.id(), o));
    return deliveries.stream().map(d -> new IncomingDocument(d, docs.get(d.documentId()))).toList();
  }

  @Override
  public Map<DeliveryStatus, Long> inboxCounts(String unitCode) {
    Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
    for (Object row :
        em.createNativeQuery("SELECT status, n FROM inbox_count WHERE unit_code = ?1")
            .setParameter(1, unitCode)
            .getResultList()) {
      Object[] r = (Object[]) row;
      long n = ((Number) r[1]).longValue();
      if (n > 0) {
        counts.put(DeliveryStatus.valueOf((String) r[0]), n);
      }
    }
    return counts;
  }

  @Override
  public List<IncomingDocument> incomingRegister(
      String unitCode, int year, int afterNumber, int limit) {
    return withDocuments(
        em.createQuery(
                "SELECT d FROM Delivery d WHERE d.recipientCode = :unit AND d.incomingYear = :year"
                    + " AND d.incomingNumber > :after ORDER BY d.incomingNumber",
                Delivery.class)
            .setParameter("unit", unitCode)
            .setParameter("year", year)
            .setParameter("after", afterNumber)
            .setMaxResults(limit)
            .getResultList());
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
