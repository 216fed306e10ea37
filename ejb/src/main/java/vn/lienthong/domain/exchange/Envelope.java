package vn.lienthong.domain.exchange;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import vn.lienthong.domain.IllegalTransitionException;

/**
 * Phong bì — one send of a document to a set of recipient units. Written in the same transaction
 * that accepts the send, so an acknowledged send survives a crash even if its message does not: the
 * re-publisher finds envelopes still queued.
 */
@Entity
@Table(name = "envelope")
public class Envelope {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "document_id", nullable = false)
  private UUID documentId;

  @Column(name = "sender_code", nullable = false)
  private String senderCode;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "envelope_recipient", joinColumns = @JoinColumn(name = "envelope_id"))
  @Column(name = "recipient_code")
  private Set<String> recipients = new LinkedHashSet<>();

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private EnvelopeStatus status;

  @Column(name = "publish_attempts", nullable = false)
  private int publishAttempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_published_at", nullable = false)
  private Instant lastPublishedAt;

  @Column(name = "routed_at")
  private Instant routedAt;

  @Version
  @Column(name = "version")
  private long version;

  protected Envelope() {}

  public Envelope(
      UUID id, UUID documentId, String senderCode, Set<String> recipients, Instant now) {
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("an envelope has at least one recipient");
    }
    this.id = id;
    this.documentId = documentId;
    this.senderCode = senderCode;
    this.recipients = new LinkedHashSet<>(recipients);
    this.status = EnvelopeStatus.QUEUED;
    this.publishAttempts = 1;
    this.createdAt = now;
    this.lastPublishedAt = now;
  }

  /** The router has made the deliveries. A second routing is refused (callers check first). */
  public void routed(Instant now) {
    if (status != EnvelopeStatus.QUEUED) {
      throw new IllegalTransitionException("Phong bì đã được chuyển.");
    }
    status = EnvelopeStatus.ROUTED;
    routedAt = now;
  }

  /** The message was published again because the first one was not seen to arrive. */
  public int republished(Instant now) {
    publishAttempts++;
    lastPublishedAt = now;
    return publishAttempts;
  }

  public UUID id() {
    return id;
  }

  public UUID documentId() {
    return documentId;
  }

  public String senderCode() {
    return senderCode;
  }

  public Set<String> recipients() {
    return Collections.unmodifiableSet(recipients);
  }

  public EnvelopeStatus status() {
    return status;
  }
}
