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

  protected AuditEvent() {}

  public AuditEvent(
      Instant occurredAt,
      String actor,
      String unitCode,
      String action,
      String objectId,
      String detail) {
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.unitCode = unitCode;
    this.action = action;
    this.objectId = objectId;
    this.detail = detail;
  }

  public String action() {
    return action;
  }
}
