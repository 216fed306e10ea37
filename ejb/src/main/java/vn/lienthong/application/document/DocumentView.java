package vn.lienthong.application.document;

import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.lienthong.application.signing.VerdictView;
import vn.lienthong.domain.document.OutgoingDocument;

/** A document as its sender and its recipients see it. */
public record DocumentView(
    UUID id,
    String unitCode,
    String type,
    String typeLabel,
    @JsonbProperty("abstract") String abstractText,
    String urgency,
    String classification,
    LocalDate dueDate,
    String draftingDivision,
    String status,
    String notation,
    Integer registerNumber,
    Instant createdAt,
    Instant issuedAt,
    Instant sentAt,
    String fileName,
    String fileSha256,
    String signedBy,
    Instant signedAt,
    String signatureIndication,
    UUID replaces,
    UUID replacedBy,
    List<VerdictView.SignatureView> signatures) {

  public static DocumentView of(OutgoingDocument d) {
    return of(d, null);
  }

  /** With the verdict on its current PDF: every signature, valid or not and why. */
  public static DocumentView of(OutgoingDocument d, VerdictView verdict) {
    return new DocumentView(
        d.id(),
        d.unitCode(),
        d.type().name(),
        d.type().label(),
        d.abstractText(),
        d.urgency().name(),
        d.classification().name(),
        d.dueDate().orElse(null),
        d.draftingDivision().orElse(null),
        d.status().name(),
        d.notation().orElse(null),
        d.registerNumber().orElse(null),
        d.createdAt(),
        d.issuedAt().orElse(null),
        d.sentAt().orElse(null),
        d.fileName(),
        d.fileSha256(),
        d.signedBy().orElse(null),
        d.signedAt().orElse(null),
        verdict == null ? null : verdict.indication(),
        d.replaces().orElse(null),
        d.replacedBy().orElse(null),
        verdict == null ? List.of() : verdict.signatures());
  }
}
