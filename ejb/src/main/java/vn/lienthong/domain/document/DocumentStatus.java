package vn.lienthong.domain.document;

/** Life of an outgoing document on the sender's side. */
public enum DocumentStatus {
  /** Dự thảo — being drafted, no number yet. */
  DRAFT,
  /** Đã ký — the leader's signature is on it (ký phê duyệt); no number yet. */
  SIGNED,
  /** Đã ban hành — numbered and dated in the outgoing register. */
  ISSUED,
  /** Đã gửi — handed to the exchange. */
  SENT;
}
