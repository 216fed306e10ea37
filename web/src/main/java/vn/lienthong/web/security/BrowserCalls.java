package vn.lienthong.web.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import vn.lienthong.web.problem.Problem;
import vn.lienthong.web.problem.ProblemType;

/**
 * The web client's calls mark themselves with {@code X-Requested-With} (a header a page on another
 * site cannot add to a form or a simple request). Two rules follow:
 *
 * <ul>
 *   <li>a state-changing call that carries the session cookie and no Authorization header must have
 *       it: a cross-site form cannot create drafts as the logged-in user, even in a browser that
 *       does not keep SameSite cookies to their site (403 otherwise);
 *   <li>a 401 answered to it carries no {@code WWW-Authenticate: Basic}, so the browser shows the
 *       page's own login instead of its password dialog, and never caches typed credentials.
 * </ul>
 */
final class BrowserCalls implements HttpHandler {
  static final HttpString REQUESTED_WITH = new HttpString("X-Requested-With");
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final String SESSION_COOKIE = "JSESSIONID";

  private final HttpHandler next;

  BrowserCalls(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    boolean marked = exchange.getRequestHeaders().contains(REQUESTED_WITH);
    if (marked) {
      exchange.addResponseCommitListener(
          e -> e.getResponseHeaders().remove(Headers.WWW_AUTHENTICATE));
    } else if (!SAFE.contains(exchange.getRequestMethod().toString())
        && !exchange.getRequestHeaders().contains(Headers.AUTHORIZATION)
        && exchange.getRequestCookie(SESSION_COOKIE) != null) {
      refuse(exchange);
      return;
    }
    next.handleRequest(exchange);
  }

  private static void refuse(HttpServerExchange exchange) throws IOException {
    Answers.problem(
        exchange,
        Problem.of(
            ProblemType.FORBIDDEN,
            "Yêu cầu thay đổi dữ liệu bằng phiên đăng nhập phải có tiêu đề X-Requested-With"
                + " (chống giả mạo yêu cầu từ trang khác)."),
        Map.of());
  }
}
