package vn.lienthong.domain.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.domain.IllegalTransitionException;

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

  @Version
  @Column(name = "version")
  private long version;

  protected Delivery() {}

  public Delivery(UUID id, UUID envelopeId, UUID documentId, String recipientCode, Instant now) {
    this.id = id;
    this.envelopeId = envelopeId;
    this.documentId = documentId;
    this.recipientCode = recipientCode;
    this.status = DeliveryStatus.PENDING;
    this.publishAttempts = 1;
    this.createdAt = now;
    this.lastPublishedAt = now;
    this.updatedAt = now;
  }

  /** Moves to the target status if the transition is allowed. */
  public void moveTo(DeliveryStatus target, Instant now) {
    if (!status.canMoveTo(target)) {
      throw new IllegalTransitionException(
          "Không thể chuyển văn bản từ trạng thái \""
              + status.label()
              + "\" sang \""
              + target.label()
              + "\".");
    }
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
