package vn.lienthong.web.security;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletResponse;
import vn.lienthong.application.Settings;

/**
 * When the server's public address is https (LIENTHONG_PUBLIC_URL, as production gives it): a
 * plain-HTTP request is redirected there (308, so a POST stays a POST), and every HTTPS answer
 * tells the browser to use nothing but HTTPS for a year (HSTS). A demo at http://localhost is left
 * as it is: HSTS there would pin every browser's localhost to HTTPS. Behind a proxy that ends TLS,
 * the listener's proxy-address-forwarding lets the request's scheme say what the client used.
 */
final class HttpsOnly implements HttpHandler {
  static final String HSTS = "max-age=31536000";

  private final HttpHandler next;
  private volatile String httpsBase;

  HttpsOnly(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String base = httpsBase();
    if (base.isEmpty()) {
      next.handleRequest(exchange);
      return;
    }
    HttpServletResponse response = Answers.response(exchange);
    if (!"https".equalsIgnoreCase(exchange.getRequestScheme())) {
      String query = exchange.getQueryString();
      String path = exchange.getRequestURI();
      if (exchange.isHostIncludedInRequestURI()) {
        // an absolute-form request line (GET http://host/path): keep the path only
        path = java.net.URI.create(path).getRawPath();
      }
      response.setStatus(308);
      response.setHeader(
          "Location", base + path + (query == null || query.isEmpty() ? "" : "?" + query));
      return;
    }
    response.setHeader("Strict-Transport-Security", HSTS);
    next.handleRequest(exchange);
  }

  /** The public https address without a trailing slash, or "" when it is not https. */
  private String httpsBase() {
    String b = httpsBase;
    if (b == null) {
      String url = CDI.current().select(Settings.class).get().publicUrl();
      b = url.regionMatches(true, 0, "https://", 0, 8) ? url : "";
      httpsBase = b;
    }
    return b;
  }
}
