package vn.lienthong.application.exchange;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.lienthong.application.signing.VerdictView;
import vn.lienthong.application.unit.UnitView;
import vn.lienthong.domain.exchange.Delivery;
import vn.lienthong.domain.exchange.DeliveryStatus;
import vn.lienthong.domain.exchange.IncomingDocument;

/** One line of a unit's inbox, with what the signature check found when it arrived. */
public record InboxEntry(
    UUID id,
    UUID documentId,
    String senderCode,
    String senderName,
    String notation,
    String type,
    String typeLabel,
    @JsonbProperty("abstract") String abstractText,
    String urgency,
    String urgencyLabel,
    LocalDate dueDate,
    Instant issuedAt,
    Instant arrivedAt,
    String status,
    String statusCode,
    String statusLabel,
    String signatureIndication,
    String failureReason,
    Integer incomingNumber,
    Integer incomingYear,
    Instant registeredAt,
    String registeredBy,
    String handler,
    LocalDate deadline,
    boolean overdue,
    String rejectionReason,
    UUID answerDocumentId,
    UUID duplicateOf,
    String recall,
    String recallReason,
    String recallAnswer,
    List<VerdictView.SignatureView> signatures) {

  /**
   * Still being handled on {@code today} past its deadline. The deadline is the last day: a
   * document due on the 10th is overdue from the 11th.
   */
  static boolean overdue(Delivery d, LocalDate today) {
    return d.deadline().isPresent()
        && d.deadline().get().isBefore(today)
        && OPEN.contains(d.status());
  }

  private static final java.util.Set<DeliveryStatus> OPEN =
      java.util.EnumSet.of(
          DeliveryStatus.REGISTERED, DeliveryStatus.ASSIGNED, DeliveryStatus.IN_PROGRESS);

  static InboxEntry of(IncomingDocument in, UnitView sender, VerdictView arrival, LocalDate today) {
    var d = in.delivery();
    var doc = in.document();
    return new InboxEntry(
        d.id(),
        doc.id(),
        doc.unitCode(),
        sender == null ? null : sender.name(),
        doc.notation().orElse(null),
        doc.type().name(),
        doc.type().label(),
        doc.abstractText(),
        doc.urgency().name(),
        doc.urgency().label(),
        doc.dueDate().orElse(null),
        doc.issuedAt().orElse(null),
        d.arrivedAt().orElse(null),
        d.status().name(),
        d.status().code().orElse(null),
        d.status().label(),
        d.arrivalIndication().orElse(null),
        d.failureReason().orElse(null),
        d.incomingNumber().orElse(null),
        d.incomingYear().orElse(null),
        d.registeredAt().orElse(null),
        d.registeredBy().orElse(null),
        d.handler().orElse(null),
        d.deadline().orElse(null),
        overdue(d, today),
        d.rejectionReason().orElse(null),
        d.answerDocumentId().orElse(null),
        d.duplicateOf().orElse(null),
        d.recall().map(Enum::name).orElse(null),
        d.recallReason().orElse(null),
        d.recallAnswer().orElse(null),
        arrival == null ? List.of() : arrival.signatures());
  }
}
