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

  protected DeliveryEvent() {}

  public DeliveryEvent(
      UUID deliveryId, DeliveryStatus status, Instant occurredAt, String actor, String note) {
    this.deliveryId = deliveryId;
    this.status = status;
    this.occurredAt = occurredAt;
    this.actor = actor;
    this.note = note;
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
