package vn.lienthong.domain.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.document.Urgency;

/**
 * One document on its way to, then in, one recipient unit: once arrived, it is that unit's incoming
 * document (văn bản đến) and its status is what the sender's trace shows.
 */
@Entity
@Table(name = "delivery")
public class Delivery {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "envelope_id", nullable = false)
  private UUID envelopeId;

  @Column(name = "document_id", nullable = false)
  private UUID documentId;

  @Column(name = "recipient_code", nullable = false)
  private String recipientCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private DeliveryStatus status;

  @Column(name = "publish_attempts", nullable = false)
  private int publishAttempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_published_at", nullable = false)
  private Instant lastPublishedAt;

  @Column(name = "arrived_at")
  private Instant arrivedAt;

  @Column(name = "arrival_indication")
  private String arrivalIndication;

  @Column(name = "arrival_verdict")
  private String arrivalVerdict;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "failure_reason")
  private String failureReason;

  /** Failures before this (an administrator's retry) no longer count towards giving up. */
  @Column(name = "failures_since")
  private Instant failuresSince;

  @Column(name = "incoming_year")
  private Integer incomingYear;

  @Column(name = "incoming_number")
  private Integer incomingNumber;

  @Column(name = "registered_at")
  private Instant registeredAt;

  @Column(name = "registered_by")
  private String registeredBy;

  @Column(name = "handler")
  private String handler;

  @Column(name = "assigned_by")
  private String assignedBy;

  @Column(name = "deadline")
  private LocalDate deadline;

  @Column(name = "rejection_reason")
  private String rejectionReason;

  @Column(name = "answer_document_id")
  private UUID answerDocumentId;

  @Column(name = "done_at")
  private Instant doneAt;

  @Column(name = "duplicate_of")
  private UUID duplicateOf;

  @Enumerated(EnumType.STRING)
  @Column(name = "recall")
  private Recall recall;

  @Column(name = "recall_reason")
  private String recallReason;

  @Column(name = "recall_answer")
  private String recallAnswer;

  @Column(name = "urgency_rank", nullable = false)
  private int urgencyRank;

  @Version
  @Column(name = "version")
  private long version;

  /** Where the sender's recall of the document stands at this recipient (edXML 13, 15, 16). */
  public enum Recall {
    REQUESTED,
    ACCEPTED,
    REFUSED
  }

  protected Delivery() {}

  public Delivery(
      UUID id,
      UUID envelopeId,
      UUID documentId,
      String recipientCode,
      Urgency urgency,
      Instant now) {
    this.id = id;
    this.envelopeId = envelopeId;
    this.documentId = documentId;
    this.recipientCode = recipientCode;
    this.status = DeliveryStatus.PENDING;
    this.publishAttempts = 1;
    this.createdAt = now;
    this.lastPublishedAt = now;
    this.updatedAt = now;
    this.urgencyRank = urgency.rank();
  }

  /** Moves to the target status if the transition is allowed. */
  public void moveTo(DeliveryStatus target, Instant now) {
    requireMove(target);
    if (target == DeliveryStatus.ARRIVED) {
      arrivedAt = now;
    }
    status = target;
    updatedAt = now;
  }

  /**
   * What the signature check found on arrival: the overall indication (TOTAL_PASSED, TOTAL_FAILED,
   * INDETERMINATE, NO_SIGNATURE, or NOT_VERIFIED when the verifier could not run) and the verdict.
   */
  public void checkedOnArrival(String indication, String verdictJson) {
    this.arrivalIndication = indication;
    this.arrivalVerdict = verdictJson;
  }

  public Optional<String> arrivalIndication() {
    return Optional.ofNullable(arrivalIndication);
  }

  public Optional<String> arrivalVerdict() {
    return Optional.ofNullable(arrivalVerdict);
  }

  /** Gives up on it: the failed state both units see, with why. */
  public void failed(String reason, Instant now) {
    moveTo(DeliveryStatus.FAILED, now);
    failureReason = reason;
  }

  /**
   * An administrator tries a failed delivery again: on its way again. Returns the attempt's number,
   * which goes on counting (the broker drops a message whose attempt it has seen).
   */
  public int retried(Instant now) {
    moveTo(DeliveryStatus.PENDING, now);
    failureReason = null;
    failuresSince = now;
    return republished(now);
  }

  /** Since when failures count towards giving up on it: empty for all of them. */
  public Optional<Instant> failuresSince() {
    return Optional.ofNullable(failuresSince);
  }

  public Optional<String> failureReason() {
    return Optional.ofNullable(failureReason);
  }

  /**
   * An arrival with the same number, notation and issuing organ as an earlier one: it stays in the
   * inbox, marked, and is not registered a second time (only rejected).
   */
  public void duplicateOf(UUID earlier) {
    this.duplicateOf = earlier;
  }

  public Optional<UUID> duplicateOf() {
    return Optional.ofNullable(duplicateOf);
  }

  /**
   * The clerk enters it in the incoming register (Decree 30, art. 22): its number there, who, and
   * the processing deadline if the document or the clerk sets one.
   */
  public void register(int year, int number, String clerk, LocalDate deadline, Instant now) {
    requireRegistrable();
    moveTo(DeliveryStatus.REGISTERED, now);
    this.incomingYear = year;
    this.incomingNumber = number;
    this.registeredBy = clerk;
    this.registeredAt = now;
    this.deadline = deadline;
  }

  /** Refuses what cannot be registered now, before a number of the register is taken for it. */
  public void requireRegistrable() {
    requireMove(DeliveryStatus.REGISTERED);
    if (duplicateOf != null) {
      throw new IllegalTransitionException(
          "Văn bản này trùng số, ký hiệu và cơ quan ban hành với một văn bản đến trước đó; không"
              + " vào sổ lần thứ hai (có thể từ chối tiếp nhận).");
    }
  }

  private void requireMove(DeliveryStatus target) {
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(
          "Không thể chuyển văn bản từ trạng thái \""
              + status.label()
              + "\" sang \""
              + target.label()
              + "\".");
    }
  }

  /** The clerk refuses it (edXML 02); the reason goes back to the sender. */
  public void reject(String reason, Instant now) {
    String text = requireText(reason, "reason", "Cần ghi lý do từ chối tiếp nhận.");
    moveTo(DeliveryStatus.REJECTED, now);
    this.rejectionReason = text;
  }

  /** The leader assigns it to a handler of the unit with a deadline (edXML 04). */
  public void assign(String handler, String leader, LocalDate deadline, Instant now) {
    moveTo(DeliveryStatus.ASSIGNED, now);
    this.handler = handler;
    this.assignedBy = leader;
    this.deadline = deadline;
  }

  /** The handler has started on it (edXML 05). */
  public void startProcessing(Instant now) {
    moveTo(DeliveryStatus.IN_PROGRESS, now);
  }

  /** Done (edXML 06), with the document that answers it if there is one. */
  public void done(UUID answer, Instant now) {
    moveTo(DeliveryStatus.DONE, now);
    this.answerDocumentId = answer;
    this.doneAt = now;
  }

  /** The sender asks for it back (edXML 13); the recipient answers. */
  public void recallRequested(String reason, Instant now) {
    if (recall == Recall.REQUESTED || status == DeliveryStatus.RECALLED) {
      throw new IllegalTransitionException("Văn bản đã có yêu cầu thu hồi hoặc đã được thu hồi.");
    }
    this.recall = Recall.REQUESTED;
    this.recallReason = reason;
    this.recallAnswer = null;
    this.updatedAt = now;
  }

  /** The recipient agrees (edXML 15): its copy leaves the inbox, frozen and kept. */
  public void recallAccepted(Instant now) {
    requireRecallRequested();
    moveTo(DeliveryStatus.RECALLED, now);
    this.recall = Recall.ACCEPTED;
  }

  /** The recipient refuses, with a reason (edXML 16); the document stays where it was. */
  public void recallRefused(String reason, Instant now) {
    requireRecallRequested();
    this.recallAnswer = requireText(reason, "reason", "Cần ghi lý do từ chối thu hồi.");
    this.recall = Recall.REFUSED;
    this.updatedAt = now;
  }

  private void requireRecallRequested() {
    if (recall != Recall.REQUESTED) {
      throw new IllegalTransitionException("Văn bản không có yêu cầu thu hồi đang chờ trả lời.");
    }
  }

  private static String requireText(String value, String field, String error) {
    if (value == null || value.isBlank()) {
      throw InvalidInputException.field(field, error);
    }
    String text = value.strip();
    if (text.length() > 2000) {
      throw InvalidInputException.field(field, "Lý do dài quá 2000 ký tự.");
    }
    return text;
  }

  /** The sender changed the document's urgency: the inbox orders it anew. */
  public void urgencyChanged(Urgency urgency, Instant now) {
    this.urgencyRank = urgency.rank();
    this.updatedAt = now;
  }

  public int urgencyRank() {
    return urgencyRank;
  }

  public Optional<Integer> incomingNumber() {
    return Optional.ofNullable(incomingNumber);
  }

  public Optional<Integer> incomingYear() {
    return Optional.ofNullable(incomingYear);
  }

  public Optional<Instant> registeredAt() {
    return Optional.ofNullable(registeredAt);
  }

  public Optional<String> registeredBy() {
    return Optional.ofNullable(registeredBy);
  }

  public Optional<String> handler() {
    return Optional.ofNullable(handler);
  }

  public Optional<String> assignedBy() {
    return Optional.ofNullable(assignedBy);
  }

  public Optional<LocalDate> deadline() {
    return Optional.ofNullable(deadline);
  }

  public Optional<String> rejectionReason() {
    return Optional.ofNullable(rejectionReason);
  }

  public Optional<UUID> answerDocumentId() {
    return Optional.ofNullable(answerDocumentId);
  }

  public Optional<Instant> doneAt() {
    return Optional.ofNullable(doneAt);
  }

  public Optional<Recall> recall() {
    return Optional.ofNullable(recall);
  }

  public Optional<String> recallReason() {
    return Optional.ofNullable(recallReason);
  }

  public Optional<String> recallAnswer() {
    return Optional.ofNullable(recallAnswer);
  }

  public int republished(Instant now) {
    publishAttempts++;
    lastPublishedAt = now;
    return publishAttempts;
  }

  public UUID id() {
    return id;
  }

  public UUID envelopeId() {
    return envelopeId;
  }

  public UUID documentId() {
    return documentId;
  }

  public String recipientCode() {
    return recipientCode;
  }

  public DeliveryStatus status() {
    return status;
  }

  public Optional<Instant> arrivedAt() {
    return Optional.ofNullable(arrivedAt);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
