package vn.lienthong.web.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.lienthong.domain.DomainException;

/**
 * The error page of the web application (web.xml): what the container answers by itself — no login,
 * a wrong password, an unknown path, a body over the limit — as a problem document.
 */
@WebServlet("/problem")
public class ProblemServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Jsonb JSON = JsonbBuilder.create();

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Throwable error = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    int status = code instanceof Integer i ? i : 404;
    Problem problem;
    DomainException cause = error == null ? null : Problems.domainCause(error);
    if (cause != null) {
      problem = Problems.of(cause);
    } else if (error != null || status >= 500) {
      problem = Problems.internal(error);
    } else {
      ProblemType type = ProblemType.forStatus(status);
      problem =
          Problem.of(
              type,
              switch (status) {
                case 401 -> "Cần đăng nhập bằng tài khoản hợp lệ (HTTP Basic).";
                case 403 -> "Tài khoản của bạn không có quyền truy cập.";
                case 404 -> "Đường dẫn không tồn tại.";
                case 413 -> "Nội dung gửi lên vượt quá dung lượng cho phép.";
                default -> null;
              });
    }
    resp.setStatus(problem.status());
    resp.setContentType(Problem.MEDIA_TYPE);
    resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (problem.status() == 401 && !resp.containsHeader("WWW-Authenticate")) {
      resp.setHeader("WWW-Authenticate", "Basic realm=\"Lien Thong\", charset=\"UTF-8\"");
    }
    resp.getWriter().write(JSON.toJson(problem));
  }
}
