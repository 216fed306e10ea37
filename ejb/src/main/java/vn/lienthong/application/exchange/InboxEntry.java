package vn.lienthong.application.exchange;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.lienthong.application.signing.VerdictView;
import vn.lienthong.application.unit.UnitView;
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
    List<VerdictView.SignatureView> signatures) {

  static InboxEntry of(IncomingDocument in, UnitView sender, VerdictView arrival) {
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
        arrival == null ? List.of() : arrival.signatures());
  }
}
