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
}
