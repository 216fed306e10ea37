package vn.lienthong.domain.document;

import vn.lienthong.domain.RuleViolationException;

/** A classified document was offered to the system. */
public class ClassifiedDocumentException extends RuleViolationException {
  private static final long serialVersionUID = 1L;

  public ClassifiedDocumentException(Classification classification) {
    super(
        "classified-document",
        "Văn bản có độ mật \""
            + classification.label()
            + "\" không được xử lý trên hệ thống; văn bản mật được chuyển theo quy định về bảo vệ"
            + " bí mật nhà nước.");
  }
}
