package vn.lienthong.application.signing;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import vn.lienthong.application.Settings;
import vn.lienthong.signing.validation.ChangeAfterSigning;
import vn.lienthong.signing.validation.SignatureVerdict;
import vn.lienthong.signing.validation.Verdict;

/**
 * The public verdict on a document (the contract of POST /api/v1/verifications): the document's
 * SHA-256, the overall indication, and per signature who signed, for which unit, when, at which
 * level, the result and why, and what changed after it was signed.
 */
public record VerdictView(
    String documentSha256, String indication, String summary, List<SignatureView> signatures) {

  /** One signature's verdict. */
  public record SignatureView(
      String signer,
      String organization,
      String signingTime,
      String level,
      String indication,
      String subIndication,
      String explanation,
      List<ChangeView> changesAfterSigning) {}

  /** A change made after the signature, in plain Vietnamese. */
  public record ChangeView(String kind, Integer page, String description, boolean altersDisplay) {}

  public static VerdictView of(Verdict v) {
    List<SignatureView> signatures =
        v.signatures().stream()
            .map(
                s ->
                    new SignatureView(
                        s.signer(),
                        s.organization(),
                        s.signingTime() == null
                            ? null
                            : s.signingTime()
                                .atZoneSameInstant(Settings.VIETNAM)
                                .toOffsetDateTime()
                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                        s.level(),
                        s.indication().name(),
                        s.subIndication(),
                        explain(s),
                        s.changesAfterSigning().stream().map(VerdictView::change).toList()))
            .toList();
    return new VerdictView(
        v.documentSha256(), v.indication().name(), SUMMARY.get(v.indication().name()), signatures);
  }

  private static final Map<String, String> SUMMARY =
      Map.of(
          "TOTAL_PASSED", "Tất cả chữ ký số trên văn bản hợp lệ.",
          "TOTAL_FAILED", "Có chữ ký số không hợp lệ: văn bản đã bị thay đổi hoặc chữ ký sai.",
          "INDETERMINATE", "Chưa đủ căn cứ để khẳng định chữ ký số hợp lệ.",
          "NO_SIGNATURE", "Văn bản không có chữ ký số.");

  private static String explain(SignatureVerdict s) {
    return switch (s.indication()) {
      case TOTAL_PASSED -> "Chữ ký hợp lệ, văn bản không bị thay đổi sau khi ký.";
      case TOTAL_FAILED ->
          s.modifiedAfterSigning()
              ? "Chữ ký không hợp lệ: nội dung hiển thị của văn bản đã bị thay đổi sau khi ký."
              : "Chữ ký không hợp lệ (" + s.subIndication() + ").";
      case INDETERMINATE ->
          !s.changesAfterSigning().isEmpty()
              ? "Văn bản đã có thay đổi sau khi ký (không làm đổi nội dung hiển thị)."
              : "REVOKED_NO_POE".equals(s.subIndication())
                  ? "Chứng thư số của người ký đã bị thu hồi, không có bằng chứng (dấu thời gian)"
                      + " rằng chữ ký được tạo trước thời điểm thu hồi (REVOKED_NO_POE)."
                  : "Chưa xác định được tính hợp lệ (" + s.subIndication() + ").";
      case NO_SIGNATURE -> "Không có chữ ký.";
    };
  }

  private static ChangeView change(ChangeAfterSigning c) {
    String text = KIND.getOrDefault(c.kind().name(), c.description());
    if (c.page() != null) {
      text += " (trang " + c.page() + ")";
    }
    return new ChangeView(c.kind().name(), c.page(), text, c.altersDisplay());
  }

  private static final Map<String, String> KIND =
      Map.ofEntries(
          Map.entry("PAGE_CONTENT_CHANGED", "Nội dung trang bị thay đổi"),
          Map.entry("PAGE_RESOURCES_CHANGED", "Phông chữ hoặc hình ảnh của trang bị thay đổi"),
          Map.entry(
              "PAGE_ATTRIBUTES_CHANGED",
              "Kích thước, hướng xoay hoặc độ trong suốt của trang bị thay đổi"),
          Map.entry("PAGE_ADDED", "Trang được thêm vào"),
          Map.entry("PAGE_REMOVED", "Trang bị xóa"),
          Map.entry("PAGES_REORDERED", "Thứ tự trang bị thay đổi"),
          Map.entry("ANNOTATION_ADDED", "Chú thích (annotation) được thêm vào"),
          Map.entry("ANNOTATION_CHANGED", "Chú thích (annotation) bị thay đổi"),
          Map.entry("ANNOTATION_REMOVED", "Chú thích (annotation) bị xóa"),
          Map.entry("VISIBLE_EMPTY_SIGNATURE_FIELD_ADDED", "Ô chữ ký trống hiển thị được thêm vào"),
          Map.entry("SIGNATURE_CHANGED", "Trường chữ ký bị thay đổi"),
          Map.entry(
              "FORBIDDEN_BY_CERTIFICATION",
              "Chữ ký được thêm khi văn bản đã khóa không cho thay đổi"),
          Map.entry("ACTION_CHANGED", "JavaScript hoặc hành động tự động được thêm hoặc thay đổi"),
          Map.entry("LAYERS_CHANGED", "Trạng thái hiển thị các lớp bị thay đổi"),
          Map.entry("FORM_APPEARANCE_CHANGED", "Cách hiển thị biểu mẫu bị thay đổi"),
          Map.entry("DOCUMENT_VIEW_CHANGED", "Cách trình bày văn bản bị thay đổi"),
          Map.entry("RENDERED_PAGE_DIFFERS", "Hình ảnh trang khác với lúc ký"),
          Map.entry("BYTE_RANGE_INVALID", "Chữ ký không bao trùm toàn bộ phiên bản được ký"),
          Map.entry("REVISION_NOT_IN_HISTORY", "Phiên bản được ký không thuộc lịch sử của văn bản"),
          Map.entry(
              "DOCUMENT_INFORMATION_CHANGED", "Thông tin văn bản (tác giả, tiêu đề…) bị thay đổi"),
          Map.entry("METADATA_CHANGED", "Siêu dữ liệu (metadata) bị thay đổi"),
          Map.entry("FORM_FIELD_VALUE_CHANGED", "Giá trị trường biểu mẫu bị thay đổi"),
          Map.entry("FORM_FIELD_ADDED", "Trường biểu mẫu được thêm vào"),
          Map.entry("FORM_FIELD_REMOVED", "Trường biểu mẫu bị xóa"),
          Map.entry("FORM_FIELD_CHANGED", "Trường biểu mẫu bị thay đổi"),
          Map.entry("FORM_DEFAULTS_CHANGED", "Giá trị mặc định của biểu mẫu bị thay đổi"),
          Map.entry("EMPTY_SIGNATURE_FIELD_ADDED", "Ô chữ ký trống (ẩn) được thêm vào"),
          Map.entry("ATTACHMENT_CHANGED", "Tệp đính kèm được thêm hoặc thay đổi"),
          Map.entry("PERMISSIONS_CHANGED", "Quyền hạn của văn bản bị thay đổi"),
          Map.entry("PAGE_ENTRY_CHANGED", "Thuộc tính khác của trang bị thay đổi"),
          Map.entry("CATALOG_CHANGED", "Thuộc tính chung của văn bản bị thay đổi"),
          Map.entry("OBJECTS_CHANGED", "Đối tượng khác trong tệp bị thay đổi"),
          Map.entry("NOT_ANALYSED", "Không phân tích được các phiên bản sau khi ký"));
}
