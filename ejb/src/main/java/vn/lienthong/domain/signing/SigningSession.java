package vn.lienthong.domain.signing;

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
import vn.lienthong.domain.GoneException;
import vn.lienthong.domain.IllegalTransitionException;

/**
 * A prepared signature of one document by one leader, waiting for the value the leader's token
 * makes. Persisted with everything the second step needs, so any node can finish it, also after a
 * restart.
 */
@Entity
@Table(name = "signing_session")
public class SigningSession {
  /** Where a session is in its life. */
  public enum Status {
    PREPARED,
    COMPLETED,
    FAILED
  }

  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "batch_id")
  private UUID batchId;

  @Column(name = "document_id", nullable = false)
  private UUID documentId;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "document_sha256", nullable = false)
  private String documentSha256;

  @Column(name = "pending", nullable = false)
  private String pending;

  @Column(name = "demo", nullable = false)
  private boolean demo;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private Status status;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Version
  @Column(name = "version")
  private long version;

  protected SigningSession() {}

  public static SigningSession prepared(
      UUID id,
      UUID batchId,
      UUID documentId,
      String username,
      String documentSha256,
      String pending,
      boolean demo,
      Instant now,
      Instant expiresAt) {
    SigningSession s = new SigningSession();
    s.id = id;
    s.batchId = batchId;
    s.documentId = documentId;
    s.username = username;
    s.documentSha256 = documentSha256;
    s.pending = pending;
    s.demo = demo;
    s.status = Status.PREPARED;
    s.createdAt = now;
    s.expiresAt = expiresAt;
    return s;
  }

  /** A session can be completed once, before it expires. */
  public void requireOpen(Instant now) {
    if (status == Status.COMPLETED) {
      throw new IllegalTransitionException("Phiên ký đã hoàn tất, chữ ký đã được gắn vào văn bản.");
    }
    if (status == Status.FAILED) {
      throw new IllegalTransitionException("Phiên ký đã bị hủy; hãy tạo phiên ký mới.");
    }
    if (!now.isBefore(expiresAt)) {
      throw new GoneException("Phiên ký đã hết hạn; hãy tạo phiên ký mới.");
    }
  }

  public void completed(Instant now) {
    this.status = Status.COMPLETED;
    this.completedAt = now;
  }

  public UUID id() {
    return id;
  }

  public Optional<UUID> batchId() {
    return Optional.ofNullable(batchId);
  }

  public UUID documentId() {
    return documentId;
  }

  public String username() {
    return username;
  }

  public String documentSha256() {
    return documentSha256;
  }

  public String pending() {
    return pending;
  }

  public boolean demo() {
    return demo;
  }

  public Status status() {
    return status;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
