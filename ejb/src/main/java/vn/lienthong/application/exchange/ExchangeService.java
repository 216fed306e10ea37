package vn.lienthong.application.exchange;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.application.security.Caller;
import vn.lienthong.application.signing.VerdictView;
import vn.lienthong.application.signing.VerificationService;
import vn.lienthong.application.unit.UnitDirectory;
import vn.lienthong.application.unit.UnitView;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.calendar.WorkingCalendar;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.document.OutgoingDocuments;
import vn.lienthong.domain.exchange.Delivery;
import vn.lienthong.domain.exchange.DeliveryEvent;
import vn.lienthong.domain.exchange.DeliveryStatus;
import vn.lienthong.domain.exchange.Envelope;
import vn.lienthong.domain.exchange.EnvelopeStatus;
import vn.lienthong.domain.exchange.Exchange;
import vn.lienthong.domain.exchange.InboxCursor;
import vn.lienthong.domain.exchange.InboxFilter;
import vn.lienthong.domain.exchange.IncomingDocument;
import vn.lienthong.domain.user.Role;

/**
 * The exchange's use cases. Each consumer step re-checks the status first, so a redelivered or
 * re-published message is harmless; the unique (document, recipient) key of a delivery is the last
 * guard against a second arrival.
 */
@Stateless
public class ExchangeService {
  /** The arrival check could not run (verifier unavailable). */
  public static final String NOT_VERIFIED = "NOT_VERIFIED";

  static final Jsonb JSON = JsonbBuilder.create();

  private static final Logger LOG = Logger.getLogger(ExchangeService.class);
  private static final int REPUBLISH_BATCH = 500;

  @Inject Exchange exchange;
  @Inject OutgoingDocuments documents;
  @Inject ExchangePublisher publisher;
  @Inject UnitDirectory directory;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject VerificationService verification;
  @Inject AuditLog audit;

  /** Router: one delivery per recipient unit, each on the delivery queue. */
  public void route(UUID envelopeId) {
    Envelope envelope = exchange.findEnvelope(envelopeId).orElse(null);
    if (envelope == null) {
      LOG.warnf("[%s] no such envelope; message dropped", envelopeId);
      return;
    }
    if (envelope.status() != EnvelopeStatus.QUEUED) {
      LOG.debugf("[%s] already routed; duplicate message ignored", envelopeId);
      return;
    }
    OutgoingDocument doc = documents.find(envelope.documentId()).orElseThrow();
    Instant now = clock.instant();
    for (String recipient : new java.util.TreeSet<>(envelope.recipients())) {
      Delivery d =
          new Delivery(UUID.randomUUID(), envelope.id(), doc.id(), recipient, doc.urgency(), now);
      exchange.add(d);
      exchange.record(new DeliveryEvent(d.id(), DeliveryStatus.PENDING, now, null, null));
      publisher.publish(d, doc.fileSha256(), doc.urgency(), 1);
    }
    envelope.routed(now);
    LOG.infof("[%s] routed to %d units", envelopeId, envelope.recipients().size());
  }

  /** Lands a delivery in its recipient's inbox: status 01, đã đến. */
  public void deliver(UUID deliveryId) {
    Delivery d = exchange.findDelivery(deliveryId).orElse(null);
    if (d == null) {
      LOG.warnf("[%s] no such delivery; message dropped", deliveryId);
      return;
    }
    if (d.status() != DeliveryStatus.PENDING) {
      LOG.debugf("[%s] already arrived; duplicate message ignored", deliveryId);
      return;
    }
    Instant now = clock.instant();
    OutgoingDocument doc = documents.find(d.documentId()).orElseThrow();
    checkSignatures(d, doc);
    markIfDuplicate(d, doc);
    d.moveTo(DeliveryStatus.ARRIVED, now);
    exchange.record(new DeliveryEvent(d.id(), DeliveryStatus.ARRIVED, now, null, null));
    // written here, so that what the database refuses is this attempt's recorded reason
    exchange.flush();
    LOG.infof("[%s] document [%s] arrived at [%s]", deliveryId, d.documentId(), d.recipientCode());
  }

  /**
   * The recipient checks the signatures of what arrived (the same bytes are verified once, then the
   * verdict comes from the cache). A document that does not verify still arrives, flagged, so that
   * both sides see it; a verifier that cannot run leaves NOT_VERIFIED, and the document view checks
   * again when it is opened.
   */
  private void checkSignatures(Delivery d, OutgoingDocument doc) {
    String sha = doc.fileSha256();
    try {
      VerdictView v = verification.verifyStored(sha);
      d.checkedOnArrival(v.indication(), JSON.toJson(v));
      if (!"TOTAL_PASSED".equals(v.indication())) {
        LOG.warnf("[%s] arrived with signatures %s", d.id(), v.indication());
      }
    } catch (RuntimeException e) {
      // the document arrives all the same; its view verifies again when opened
      d.checkedOnArrival(NOT_VERIFIED, null);
      LOG.warnf("[%s] signatures not verified on arrival: %s", d.id(), e.getMessage());
    }
  }

  /**
   * The same number, notation and issuing organ as something the unit already has (a document that
   * also came another way, an edXML package imported twice): it arrives marked, so that the clerk
   * does not register it twice.
   */
  void markIfDuplicate(Delivery d, OutgoingDocument doc) {
    if (doc.notation().isEmpty() || doc.registerYear().isEmpty()) {
      return;
    }
    exchange
        .earlierArrival(
            d.recipientCode(),
            doc.unitCode(),
            doc.notation().get(),
            doc.registerYear().get(),
            d.id())
        .ifPresent(
            earlier -> {
              d.duplicateOf(earlier.id());
              LOG.warnf("[%s] duplicate of the earlier arrival [%s]", d.id(), earlier.id());
            });
  }

  /**
   * Publishes again what was accepted but not seen to move on within the configured time: a message
   * lost in a crash between commit and broker, or dead-lettered after an outage. Returns how many
   * messages were published.
   */
  public int republishStale() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(settings.republishAfter());
    int count = 0;
    for (Envelope e : exchange.queuedSince(cutoff, REPUBLISH_BATCH)) {
      OutgoingDocument doc = documents.find(e.documentId()).orElseThrow();
      publisher.publish(e, doc.fileSha256(), doc.urgency(), e.republished(now));
      count++;
    }
    for (Delivery d : exchange.pendingSince(cutoff, REPUBLISH_BATCH)) {
      Exchange.Failures failures = exchange.failuresOf(d.id(), d.failuresSince().orElse(null));
      if (failures.deadLetters() >= settings.failedAfterDeadLetters()) {
        // a poison delivery: give up on it where both units see it, instead of looping
        String reason =
            "Máy chủ nhận không tiếp nhận được văn bản sau "
                + failures.deadLetters()
                + " lượt gửi lại"
                + (failures.lastReason() == null ? "" : ": " + failures.lastReason());
        d.failed(reason, now);
        exchange.record(new DeliveryEvent(d.id(), DeliveryStatus.FAILED, now, null, reason));
        LOG.errorf("[%s] delivery to [%s] failed: %s", d.id(), d.recipientCode(), reason);
        continue;
      }
      OutgoingDocument doc = documents.find(d.documentId()).orElseThrow();
      publisher.publish(d, doc.fileSha256(), doc.urgency(), d.republished(now));
      count++;
    }
    if (count > 0) {
      LOG.infof("re-published %d stalled exchange messages", count);
    }
    return count;
  }

  /** A page of the caller's unit's inbox, with the unit's counts per status. */
  public Inbox inbox(Caller caller, InboxFilter filter, InboxCursor after, int limit) {
    Map<String, UnitView> units = directory.byCode();
    List<IncomingDocument> page = exchange.inbox(caller.unitCode(), filter, after, limit);
    List<InboxEntry> entries =
        page.stream()
            .map(
                in ->
                    InboxEntry.of(
                        in,
                        units.get(in.document().unitCode()),
                        arrivalVerdict(in.delivery()),
                        today()))
            .toList();
    String next =
        page.size() < limit ? null : InboxCursor.of(page.get(page.size() - 1).delivery()).token();
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
    exchange.inboxCounts(caller.unitCode()).forEach((status, n) -> counts.put(status.name(), n));
    return new Inbox(entries, counts, next);
  }

  /** Today in Vietnam: the day registers, deadlines and overdue flags count in. */
  public java.time.LocalDate today() {
    return clock.instant().atZone(Settings.VIETNAM).toLocalDate();
  }

  /**
   * Records a failed attempt to deliver, in a transaction of its own: the attempt's rolls back.
   * {@code deadLetter} when the broker gave up on a message after all its redeliveries.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void deliveryFailed(UUID deliveryId, boolean deadLetter, String reason) {
    String text = reason == null ? null : reason.substring(0, Math.min(reason.length(), 500));
    exchange.recordFailure(deliveryId, clock.instant(), deadLetter, text);
  }

  /**
   * A message the broker dead-lettered, from the queue at {@code from}: counted against its
   * delivery. An envelope's needs no count: the sweep publishes a queued envelope again.
   */
  public void deadLettered(UUID id, String from) {
    Optional<Delivery> d = exchange.findDelivery(id);
    if (d.isPresent()) {
      exchange.recordFailure(id, clock.instant(), true, "dead-lettered from " + from);
      LOG.warnf("[%s] delivery message dead-lettered from %s", id, from);
    } else {
      LOG.warnf("[%s] message dead-lettered from %s (not a delivery)", id, from);
    }
  }

  /**
   * An administrator tries a failed delivery again (after the cause is fixed): it is on its way
   * again, as if just sent.
   */
  public Trace.Recipient retry(Caller caller, UUID deliveryId) {
    caller.require("gửi lại văn bản", Role.ADMIN);
    Delivery d =
        exchange
            .findDelivery(deliveryId)
            .orElseThrow(() -> new NotFoundException("Không tìm thấy lượt chuyển văn bản."));
    if (d.status() != DeliveryStatus.FAILED) {
      throw new IllegalTransitionException(
          "Chỉ gửi lại được văn bản ở trạng thái \"" + DeliveryStatus.FAILED.label() + "\".");
    }
    Instant now = clock.instant();
    int attempt = d.retried(now);
    exchange.record(
        new DeliveryEvent(d.id(), DeliveryStatus.PENDING, now, caller.username(), "gửi lại"));
    OutgoingDocument doc = documents.find(d.documentId()).orElseThrow();
    publisher.publish(d, doc.fileSha256(), doc.urgency(), attempt);
    audit.record(caller, "DELIVERY_RETRIED", d.id().toString(), doc.fileSha256(), null);
    UnitView unit = directory.byCode().get(d.recipientCode());
    return recipient(d, unit, List.of());
  }

  /**
   * The sender asks every recipient to give the document back (edXML 13), with the reason; each
   * answers on its own (15 or 16). Recipients that refused it, or never got it, have nothing to
   * give back.
   */
  public Trace recall(Caller caller, UUID documentId, String reason) {
    caller.require("thu hồi văn bản", Role.CLERK, Role.LEADER);
    if (reason == null || reason.isBlank()) {
      throw vn.lienthong.domain.InvalidInputException.field(
          "reason", "Cần ghi lý do thu hồi văn bản.");
    }
    OutgoingDocument doc = ownSent(caller, documentId);
    Instant now = clock.instant();
    int asked = 0;
    for (Delivery d : lockedDeliveriesOf(doc)) {
      if (d.status() == DeliveryStatus.REJECTED
          || d.status() == DeliveryStatus.FAILED
          || d.status() == DeliveryStatus.RECALLED
          || d.recall().orElse(null) == Delivery.Recall.REQUESTED) {
        continue;
      }
      d.recallRequested(reason.strip(), now);
      exchange.record(
          new DeliveryEvent(
              d.id(),
              DeliveryEvent.Kind.RECALL_REQUESTED,
              d.status(),
              now,
              caller.username(),
              reason.strip()));
      asked++;
    }
    if (asked == 0) {
      throw new IllegalTransitionException("Không còn đơn vị nhận nào để thu hồi văn bản.");
    }
    audit.record(caller, "RECALL_REQUESTED", doc.id().toString(), doc.fileSha256(), reason);
    return trace(caller, documentId);
  }

  /**
   * The sender corrects a sent document's abstract, urgency or due date (edXML update): every
   * recipient sees the new values and a step in its history saying what changed.
   */
  public Trace update(
      Caller caller,
      UUID documentId,
      String abstractText,
      vn.lienthong.domain.document.Urgency urgency,
      java.time.LocalDate dueDate) {
    caller.require("cập nhật văn bản", Role.CLERK);
    OutgoingDocument doc =
        documents
            .lock(documentId)
            .filter(o -> o.unitCode().equals(caller.unitCode()))
            .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản."));
    String changed = doc.update(abstractText, urgency, dueDate);
    if (changed.isEmpty()) {
      return trace(caller, documentId);
    }
    Instant now = clock.instant();
    for (Delivery d : lockedDeliveriesOf(doc)) {
      d.urgencyChanged(doc.urgency(), now);
      exchange.record(
          new DeliveryEvent(
              d.id(), DeliveryEvent.Kind.UPDATED, d.status(), now, caller.username(), changed));
    }
    audit.record(caller, "DOCUMENT_UPDATED", doc.id().toString(), doc.fileSha256(), changed);
    return trace(caller, documentId);
  }

  /**
   * Recorded on every delivery of {@code old} when {@code replacement} is sent in its place: both
   * traces and the old copies in the recipients' inboxes point to the new one.
   */
  public void replaced(Caller caller, OutgoingDocument old, OutgoingDocument replacement) {
    Instant now = clock.instant();
    String note = "thay bằng văn bản " + replacement.notation().orElse(replacement.id().toString());
    for (Delivery d : exchange.deliveriesOf(old.id())) {
      exchange.record(
          new DeliveryEvent(
              d.id(), DeliveryEvent.Kind.REPLACED, d.status(), now, caller.username(), note));
    }
    audit.record(caller, "DOCUMENT_REPLACED", old.id().toString(), old.fileSha256(), note);
  }

  /** Locked, in a fixed order: a recipient's step on one of them waits, and no deadlock. */
  private List<Delivery> lockedDeliveriesOf(OutgoingDocument doc) {
    return exchange.lockDeliveriesOf(doc.id());
  }

  private OutgoingDocument ownSent(Caller caller, UUID documentId) {
    return documents
        .find(documentId)
        .filter(o -> o.unitCode().equals(caller.unitCode()))
        .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản."));
  }

  /** The verdict the recipient's check recorded on arrival, if it ran. */
  static VerdictView arrivalVerdict(Delivery d) {
    return d.arrivalVerdict().map(json -> JSON.fromJson(json, VerdictView.class)).orElse(null);
  }

  Trace.Recipient recipient(Delivery d, UnitView unit, List<Trace.Step> steps) {
    return new Trace.Recipient(
        d.recipientCode(),
        unit == null ? null : unit.name(),
        d.id(),
        d.status().name(),
        d.status().code().orElse(null),
        d.status().label(),
        d.arrivedAt().orElse(null),
        d.arrivalIndication().orElse(null),
        d.failureReason().orElse(null),
        d.incomingNumber().orElse(null),
        d.handler().orElse(null),
        d.deadline().orElse(null),
        InboxEntry.overdue(d, today()),
        unregisteredTooLong(d),
        d.rejectionReason().orElse(null),
        d.answerDocumentId().orElse(null),
        d.recall().map(Enum::name).orElse(null),
        d.recallAnswer().orElse(null),
        steps);
  }

  /**
   * Arrived and not registered within the configured working hours (nights, weekends and holidays
   * do not count): what the sender sees flagged.
   */
  boolean unregisteredTooLong(Delivery d) {
    return d.status() == DeliveryStatus.ARRIVED
        && d.arrivedAt().isPresent()
        && WorkingCalendar.vietnam()
                .workingTimeBetween(d.arrivedAt().get(), clock.instant())
                .compareTo(settings.registerWithin())
            > 0;
  }

  static Trace.Step step(DeliveryEvent ev) {
    return new Trace.Step(
        ev.status().name(),
        ev.kind().name(),
        ev.code(),
        ev.label(),
        ev.occurredAt(),
        ev.actor(),
        ev.note());
  }

  /** Per-recipient status and history, for the sender unit only. */
  public Trace trace(Caller caller, UUID documentId) {
    OutgoingDocument doc =
        documents
            .find(documentId)
            .filter(d -> d.unitCode().equals(caller.unitCode()))
            .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản."));
    Map<String, UnitView> units = directory.byCode();
    Map<UUID, List<DeliveryEvent>> history =
        exchange.historyOf(documentId).stream()
            .collect(Collectors.groupingBy(DeliveryEvent::deliveryId));
    List<Trace.Recipient> recipients = new ArrayList<>();
    for (Delivery d : exchange.deliveriesOf(documentId)) {
      UnitView unit = units.get(d.recipientCode());
      List<Trace.Step> steps =
          history.getOrDefault(d.id(), List.of()).stream().map(ExchangeService::step).toList();
      recipients.add(recipient(d, unit, steps));
    }
    // Recipients whose delivery the router has not made yet show as on their way.
    Set<String> routed = recipients.stream().map(Trace.Recipient::code).collect(Collectors.toSet());
    for (Envelope e : exchange.envelopesOf(documentId)) {
      for (String code : e.recipients()) {
        if (routed.add(code)) {
          UnitView unit = units.get(code);
          recipients.add(
              new Trace.Recipient(
                  code,
                  unit == null ? null : unit.name(),
                  null,
                  DeliveryStatus.PENDING.name(),
                  null,
                  DeliveryStatus.PENDING.label(),
                  null,
                  null,
                  null,
                  null,
                  null,
                  null,
                  false,
                  false,
                  null,
                  null,
                  null,
                  null,
                  List.of()));
        }
      }
    }
    recipients.sort(Comparator.comparing(Trace.Recipient::code));
    return new Trace(doc.id(), doc.notation().orElse(null), recipients);
  }
}
