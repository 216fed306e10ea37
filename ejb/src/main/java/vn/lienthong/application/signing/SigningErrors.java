package vn.lienthong.application.signing;

import vn.lienthong.domain.DomainException;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.RuleViolationException;
import vn.lienthong.domain.UnavailableException;
import vn.lienthong.domain.content.UnsupportedContentException;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.key.KeyNotFoundException;
import vn.lienthong.signing.key.KeyUnavailableException;
import vn.lienthong.signing.key.PinLockedException;
import vn.lienthong.signing.key.TokenAbsentException;
import vn.lienthong.signing.key.TokenBusyException;
import vn.lienthong.signing.key.WrongPinException;
import vn.lienthong.signing.pades.SignerCertificateException;
import vn.lienthong.signing.validation.VerifierBusyException;

/**
 * The signing engine's refusals as domain errors with a message for the user: a document the engine
 * refuses is the user's problem (4xx), a key or service that is not there is the server's (503).
 */
public final class SigningErrors {
  private SigningErrors() {}

  public static DomainException of(SigningException e) {
    if (e instanceof InvalidDocumentException d) {
      return switch (d.reason()) {
        case NOT_PDF -> new UnsupportedContentException("Tệp không phải là PDF.");
        case DAMAGED ->
            new RuleViolationException("damaged-document", "Tệp PDF bị hỏng, không đọc được.");
        case ENCRYPTED ->
            new RuleViolationException(
                "encrypted-document", "Tệp PDF được mã hóa hoặc đặt mật khẩu, không thể ký.");
        case TOO_COMPLEX ->
            new RuleViolationException(
                "document-too-complex",
                "Tệp PDF quá phức tạp để xử lý trong giới hạn cho phép (kích thước, độ lồng nhau,"
                    + " thời gian).");
        case DOCUMENT_CHANGED ->
            new IllegalTransitionException(
                "Văn bản đã thay đổi sau khi tạo phiên ký; hãy tạo phiên ký mới.");
        case SIGNATURE_MISMATCH ->
            new RuleViolationException(
                "signature-mismatch",
                "Giá trị chữ ký không khớp với chứng thư số và dữ liệu cần ký; văn bản giữ"
                    + " nguyên.");
        case SIGNING_NOT_PERMITTED ->
            new RuleViolationException(
                "signing-not-permitted",
                "Văn bản đã bị khóa bởi một chữ ký trước (DocMDP/khóa trường), không thể ký thêm.");
      };
    }
    if (e instanceof SignerCertificateException) {
      return new RuleViolationException(
          "signer-certificate",
          "Chứng thư số của người ký không hợp lệ (hết hạn, bị thu hồi hoặc không được tin cậy): "
              + e.getMessage());
    }
    if (e instanceof PinLockedException) {
      return new UnavailableException("Thiết bị ký số đã bị khóa do nhập sai mã PIN nhiều lần.");
    }
    if (e instanceof WrongPinException) {
      return new UnavailableException("Mã PIN của thiết bị ký số (HSM) được cấu hình sai.");
    }
    if (e instanceof TokenAbsentException) {
      return new UnavailableException(
          "Không tìm thấy thiết bị ký số (token/HSM) của đơn vị: thiết bị chưa được cắm hoặc"
              + " chưa được cấu hình.");
    }
    if (e instanceof TokenBusyException) {
      return new UnavailableException("Thiết bị ký số (token/HSM) đang bận, vui lòng thử lại sau.");
    }
    if (e instanceof KeyNotFoundException) {
      return new UnavailableException(
          "Không tìm thấy khóa ký trên thiết bị ký số (token/HSM) của đơn vị.");
    }
    if (e instanceof KeyUnavailableException) {
      return new UnavailableException("Thiết bị ký số (token/HSM) không sẵn sàng.");
    }
    if (e instanceof VerifierBusyException) {
      return new UnavailableException("Dịch vụ xác thực đang quá tải, vui lòng thử lại sau.");
    }
    return new UnavailableException("Dịch vụ ký số gặp lỗi: " + e.getMessage());
  }
}
