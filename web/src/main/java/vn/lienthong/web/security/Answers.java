package vn.lienthong.web.security;

import io.undertow.server.HttpServerExchange;
import io.undertow.servlet.handlers.ServletRequestContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import vn.lienthong.web.problem.Problem;

/** Answers the guards give themselves, through the servlet response the exchange belongs to. */
final class Answers {
  private static final Jsonb JSON = JsonbBuilder.create();

  private Answers() {}

  static HttpServletResponse response(HttpServerExchange exchange) {
    ServletRequestContext context = exchange.getAttachment(ServletRequestContext.ATTACHMENT_KEY);
    return (HttpServletResponse) context.getServletResponse();
  }

  /** A problem document, with the extra headers given. */
  static void problem(HttpServerExchange exchange, Problem p, Map<String, String> headers)
      throws IOException {
    HttpServletResponse response = response(exchange);
    response.setStatus(p.status());
    headers.forEach(response::setHeader);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.toJson(p));
  }
}
