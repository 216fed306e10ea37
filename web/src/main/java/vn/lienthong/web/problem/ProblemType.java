package vn.lienthong.web.problem;

/** The kinds of problem the API answers, with their status and Vietnamese title. */
public enum ProblemType {
  VALIDATION("validation", 400, "Dữ liệu không hợp lệ"),
  BAD_REQUEST("bad-request", 400, "Yêu cầu không hợp lệ"),
  UNAUTHENTICATED("unauthenticated", 401, "Chưa đăng nhập hoặc thông tin đăng nhập không đúng"),
  FORBIDDEN("forbidden", 403, "Không có quyền thực hiện thao tác này"),
  NOT_FOUND("not-found", 404, "Không tìm thấy"),
  METHOD_NOT_ALLOWED("method-not-allowed", 405, "Phương thức không được hỗ trợ"),
  NOT_ACCEPTABLE("not-acceptable", 406, "Không đáp ứng được định dạng yêu cầu"),
  CONFLICT("conflict", 409, "Trạng thái hiện tại không cho phép thao tác này"),
  GONE("gone", 410, "Đã hết hạn"),
  TOO_LARGE("too-large", 413, "Tệp vượt quá dung lượng cho phép"),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Định dạng tệp không được hỗ trợ"),
  RULE_VIOLATION("rule-violation", 422, "Yêu cầu bị từ chối theo quy định"),
  TOO_MANY_REQUESTS("too-many-requests", 429, "Quá nhiều yêu cầu"),
  INTERNAL("internal", 500, "Lỗi hệ thống"),
  UNAVAILABLE("unavailable", 503, "Dịch vụ tạm thời không sẵn sàng");

  private final String slug;
  private final int status;
  private final String title;

  ProblemType(String slug, int status, String title) {
    this.slug = slug;
    this.status = status;
    this.title = title;
  }

  public String slug() {
    return slug;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The problem type for a bare HTTP status (container errors, JAX-RS exceptions). */
  public static ProblemType forStatus(int status) {
    for (ProblemType t : values()) {
      if (t.status == status && t != VALIDATION && t != RULE_VIOLATION) {
        return t;
      }
    }
    return status >= 500 ? INTERNAL : BAD_REQUEST;
  }
}
