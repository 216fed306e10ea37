package vn.lienthong.application.exchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where a sent document is at each recipient, with each recipient's history. */
public record Trace(UUID documentId, String notation, List<Recipient> recipients) {

  /**
   * One recipient unit's status and history, and what its signature check found on arrival (a
   * document that did not verify there is flagged to the sender too). {@code overdue}: still being
   * handled past its deadline; {@code unregisteredTooLong}: arrived and still not registered after
   * the configured working hours.
   */
  public record Recipient(
      String code,
      String name,
      UUID deliveryId,
      String status,
      String statusCode,
      String statusLabel,
      Instant arrivedAt,
      String signatureIndication,
      String failureReason,
      Integer incomingNumber,
      String handler,
      java.time.LocalDate deadline,
      boolean overdue,
      boolean unregisteredTooLong,
      String rejectionReason,
      UUID answerDocumentId,
      String recall,
      String recallAnswer,
      List<Step> history) {}

  /**
   * One step: the status it left the delivery in, and what happened (a status change, or a recall
   * asked or answered, an update…) with its edXML code where there is one, who, and any note.
   */
  public record Step(
      String status,
      String kind,
      String code,
      String label,
      Instant at,
      String actor,
      String note) {}
}
