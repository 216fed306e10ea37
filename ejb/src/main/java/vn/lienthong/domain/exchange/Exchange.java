package vn.lienthong.domain.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Envelopes, deliveries and their history. */
public interface Exchange {
  void add(Envelope envelope);

  Optional<Envelope> findEnvelope(UUID id);

  List<Envelope> envelopesOf(UUID documentId);

  void add(Delivery delivery);

  Optional<Delivery> findDelivery(UUID id);

  /** The delivery, row-locked until the transaction ends: two steps on it at once take turns. */
  Optional<Delivery> lockDelivery(UUID id);

  /**
   * The next number of the unit's incoming register for the year, taken in this transaction: a
   * rollback gives it back, and the row stays locked until commit, so numbers have no gaps.
   */
  int nextIncomingNumber(String unitCode, int year);

  /**
   * An earlier delivery at the unit of a document with the same notation (number and symbol), from
   * the same issuing organ, in the same year: what a second arrival of one document looks like.
   */
  Optional<Delivery> earlierArrival(
      String unitCode, String senderCode, String notation, int year, UUID except);

  void record(DeliveryEvent event);

  List<Delivery> deliveriesOf(UUID documentId);

  /** As {@link #deliveriesOf}, each row-locked, always in the same order (no deadlock). */
  List<Delivery> lockDeliveriesOf(UUID documentId);

  List<DeliveryEvent> historyOf(UUID documentId);

  /** Whether the unit has the document in its inbox (arrived, whatever happened since). */
  boolean isRecipient(UUID documentId, String unitCode);

  /**
   * A page of the unit's inbox, most urgent first, then newest: the entries after {@code after}
   * (the first page when null), filtered. Recalled documents are left out unless asked for.
   */
  List<IncomingDocument> inbox(String unitCode, InboxFilter filter, InboxCursor after, int limit);

  /** How many deliveries the unit has in each status (kept as they change, not counted). */
  Map<DeliveryStatus, Long> inboxCounts(String unitCode);

  /** The unit's incoming register for the year, by number, after {@code afterNumber}. */
  List<IncomingDocument> incomingRegister(String unitCode, int year, int afterNumber, int limit);

  List<Envelope> queuedSince(Instant before, int max);

  List<Delivery> pendingSince(Instant before, int max);

  /**
   * Records that delivering failed: an attempt of the recipient's listener, or a message the broker
   * dead-lettered after its last attempt.
   */
  void recordFailure(UUID deliveryId, Instant at, boolean deadLetter, String reason);

  /**
   * How many of a delivery's messages were dead-lettered since {@code since} (all when null), and
   * the last reason an attempt gave in that time.
   */
  Failures failuresOf(UUID deliveryId, Instant since);

  /** Writes what is pending now, so that a failure shows where it happens, not at commit. */
  void flush();

  /** A delivery's failures so far. */
  record Failures(int deadLetters, String lastReason) {}
}
