package vn.lienthong.domain.exchange;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Status of a document at a recipient unit, with the edXML status codes (QCVN 102:2016/BTTTT) that
 * flow back to the sender. The allowed transitions are all here.
 */
public enum DeliveryStatus {
  /** On its way: routed, not yet in the recipient's inbox. No edXML code. */
  PENDING(null, "Đang chuyển"),
  ARRIVED("01", "Đã đến"),
  REJECTED("02", "Từ chối tiếp nhận"),
  REGISTERED("03", "Đã tiếp nhận"),
  ASSIGNED("04", "Đã phân công"),
  IN_PROGRESS("05", "Đang xử lý"),
  DONE("06", "Hoàn thành"),
  /**
   * Could not be delivered: the recipient's server failed on it until the broker gave up, more than
   * once. No edXML code (the recipient never had it); an administrator can try again.
   */
  FAILED(null, "Không chuyển được"),
  /**
   * The sender recalled it and the recipient agreed (edXML 15): it leaves the inbox and is kept,
   * frozen, for the record.
   */
  RECALLED("15", "Đã thu hồi");

  private final String code;
  private final String label;

  DeliveryStatus(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The edXML status code, empty while pending or failed. */
  public Optional<String> code() {
    return Optional.ofNullable(code);
  }

  public String label() {
    return label;
  }

  public Set<DeliveryStatus> next() {
    return switch (this) {
      case PENDING -> EnumSet.of(ARRIVED, FAILED);
      case FAILED -> EnumSet.of(PENDING);
      case ARRIVED -> EnumSet.of(REGISTERED, REJECTED, RECALLED);
      // a leader may reassign (another handler, another deadline)
      case REGISTERED, ASSIGNED -> EnumSet.of(ASSIGNED, IN_PROGRESS, DONE, RECALLED);
      case IN_PROGRESS -> EnumSet.of(DONE, RECALLED);
      case DONE -> EnumSet.of(RECALLED);
      case REJECTED, RECALLED -> EnumSet.noneOf(DeliveryStatus.class);
    };
  }

  /** Whether it is in the recipient's hands (arrived and not rejected or recalled). */
  public boolean isHeld() {
    return this != PENDING && this != FAILED && this != REJECTED && this != RECALLED;
  }

  public boolean canMoveTo(DeliveryStatus target) {
    return next().contains(target);
  }
}
