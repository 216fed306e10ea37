package vn.lienthong.web.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.lienthong.domain.DomainException;

/** JAX-RS' own errors (unknown path, wrong method, unreadable body) as problems. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
  @Override
  public Response toResponse(WebApplicationException e) {
    DomainException cause = Problems.domainCause(e);
    if (cause != null) {
      return Problems.response(Problems.of(cause));
    }
    int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
    if (status >= 500) {
      return Problems.response(Problems.internal(e));
    }
    ProblemType type = ProblemType.forStatus(status);
    return Problems.response(Problem.of(type, detail(type)));
  }

  private static String detail(ProblemType type) {
    return switch (type) {
      case NOT_FOUND -> "Đường dẫn hoặc đối tượng không tồn tại.";
      case METHOD_NOT_ALLOWED -> "Đường dẫn này không nhận phương thức HTTP đã dùng.";
      case UNSUPPORTED_MEDIA_TYPE -> "Kiểu nội dung (Content-Type) của yêu cầu không được hỗ trợ.";
      case NOT_ACCEPTABLE -> "Máy chủ chỉ trả về JSON.";
      case FORBIDDEN -> "Tài khoản của bạn không có quyền thực hiện thao tác này.";
      case UNAUTHENTICATED -> "Cần đăng nhập.";
      default -> "Nội dung yêu cầu không đọc được (JSON hoặc multipart sai dạng).";
    };
  }
}
