package vn.lienthong.domain.exchange;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One status transition of a delivery, kept for the sender's trace. */
@Entity
@Table(name = "delivery_event")
public class DeliveryEvent {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "delivery_id", nullable = false)
  private UUID deliveryId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private DeliveryStatus status;

  @Column(name = "occurred_at", nullable = false)
  private Instant occurredAt;

  @Column(name = "actor")
  private String actor;

  @Column(name = "note")
  private String note;

  @Enumerated(EnumType.STRING)
  @Column(name = "kind", nullable = false)
  private Kind kind;

  /**
   * What happened: a status change, or a step of the sender's that leaves the status as it was.
   * Each has its edXML code where the standard gives one.
   */
  public enum Kind {
    STATUS(null, null),
    RECALL_REQUESTED("13", "Đề nghị thu hồi"),
    RECALL_ACCEPTED("15", "Đồng ý thu hồi"),
    RECALL_REFUSED("16", "Từ chối thu hồi"),
    UPDATED(null, "Cập nhật thông tin văn bản"),
    REPLACED(null, "Đã được thay thế bằng văn bản mới");

    private final String code;
    private final String label;

    Kind(String code, String label) {
      this.code = code;
      this.label = label;
    }

    /** The edXML code of the step, or of the status it moved to. */
    public String code(DeliveryStatus status) {
      return this == STATUS ? status.code().orElse(null) : code;
    }

    public String label(DeliveryStatus status) {
      return this == STATUS ? status.label() : label;
    }
  }

  protected DeliveryEvent() {}

  public DeliveryEvent(
      UUID deliveryId, DeliveryStatus status, Instant occurredAt, String actor, String note) {
    this(deliveryId, Kind.STATUS, status, occurredAt, actor, note);
  }

  public DeliveryEvent(
      UUID deliveryId,
      Kind kind,
      DeliveryStatus status,
      Instant occurredAt,
      String actor,
      String note) {
    this.deliveryId = deliveryId;
    this.kind = kind;
    this.status = status;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.note = note;
  }

  public Kind kind() {
    return kind;
  }

  public String code() {
    return kind.code(status);
  }

  public String label() {
    return kind.label(status);
  }

  public UUID deliveryId() {
    return deliveryId;
  }

  public DeliveryStatus status() {
    return status;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public String actor() {
    return actor;
  }

  public String note() {
    return note;
  }
}
