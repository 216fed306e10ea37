package vn.lienthong.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did (or tried) what, when, in which unit. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor")
  private String actor;

  @Column(name = "unit_code")
  private String unitCode;

  @Column(name = "action", nullable = false)
  private String action;

  @Column(name = "object_id")
  private String objectId;

  @Column(name = "detail")
  private String detail;

  @Column(name = "document_sha256")
  private String documentSha256;

  @Column(name = "chain_position")
  private Long chainPosition;

  @Column(name = "previous_hash")
  private String previousHash;

  @Column(name = "entry_hash")
  private String entryHash;

  protected AuditEvent() {}

  /**
   * The entry at {@code position} of the chain, after the entry whose hash is {@code previousHash};
   * its own hash is computed here.
   */
  public AuditEvent(
      long position,
      String previousHash,
      Instant occurredAt,
      String actor,
      String unitCode,
      String action,
      String objectId,
      String documentSha256,
      String detail) {
    this.chainPosition = position;
    this.previousHash = previousHash;
    this.occurredAt = AuditChain.stored(occurredAt);
    this.actor = actor;
    this.unitCode = unitCode;
    this.action = action;
    this.objectId = objectId;
    this.documentSha256 = documentSha256;
    this.detail = detail;
    this.entryHash = computedHash();
  }

  /** The hash of the entry as it is now; equal to {@link #entryHash()} unless it was changed. */
  public String computedHash() {
    return AuditChain.hash(
        chainPosition,
        occurredAt,
        actor,
        unitCode,
        action,
        objectId,
        documentSha256,
        detail,
        previousHash);
  }

  public Long id() {
    return id;
  }

  public String action() {
    return action;
  }

  public Long chainPosition() {
    return chainPosition;
  }

  public String previousHash() {
    return previousHash;
  }

  public String entryHash() {
    return entryHash;
  }
}
