package vn.lienthong.domain.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Envelopes, deliveries and their history. */
public interface Exchange {
  void add(Envelope envelope);

  Optional<Envelope> findEnvelope(UUID id);

  List<Envelope> envelopesOf(UUID documentId);

  void add(Delivery delivery);

  Optional<Delivery> findDelivery(UUID id);

  void record(DeliveryEvent event);

  List<Delivery> deliveriesOf(UUID documentId);

  List<DeliveryEvent> historyOf(UUID documentId);

  /** Whether the unit has the document in its inbox (arrived, whatever happened since). */
  boolean isRecipient(UUID documentId, String unitCode);

  /** The unit's arrived deliveries, newest first. */
  List<IncomingDocument> inbox(String unitCode, int offset, int limit);

  long inboxSize(String unitCode);

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
