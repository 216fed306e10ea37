package vn.lienthong.signing.pki;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Executors;

/**
 * Serves a demo PKI over HTTP with the JDK's small HTTP server: CA certificates, CRLs, OCSP (GET
 * and POST) and the TSA, at the URLs written in its certificates. For development and tests, so
 * outside verifiers (pdfsig, Acrobat) can check revocation; the application server will later serve
 * the same {@link DemoPki#respond} bytes itself.
 */
public final class DemoPkiServer implements AutoCloseable {

  /** Requests larger than this are refused: OCSP and timestamp requests are a few hundred bytes. */
  private static final int MAX_REQUEST_BYTES = 64 * 1024;

  private final HttpServer server;

  private DemoPkiServer(HttpServer server) {
    this.server = server;
  }

  /** Listens on the host and port of the PKI's base URL. */
  public static DemoPkiServer start(DemoPki pki) {
    URI base = URI.create(pki.baseUrl());
    int port = base.getPort() == -1 ? 80 : base.getPort();
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(base.getHost(), port), 16);
      String prefix = base.getPath().isEmpty() ? "/" : base.getPath() + "/";
      server.createContext(prefix, exchange -> answer(pki, base, exchange));
      server.setExecutor(
          Executors.newFixedThreadPool(
              2,
              runnable -> {
                Thread thread = new Thread(runnable, "demo-pki-http");
                thread.setDaemon(true);
                return thread;
              }));
      server.start();
      return new DemoPkiServer(server);
    } catch (IOException e) {
      throw new PkiException("Cannot listen on " + base.getHost() + ":" + port, e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void answer(DemoPki pki, URI base, HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_REQUEST_BYTES + 1);
      }
      if (body.length > MAX_REQUEST_BYTES) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      String url =
          base.getScheme() + "://" + base.getRawAuthority() + exchange.getRequestURI().getRawPath();
      Optional<PkiResponse> response;
      try {
        response = pki.respond(url, body);
      } catch (PkiException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      if (response.isEmpty()) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", response.get().contentType());
      exchange.sendResponseHeaders(200, response.get().body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.get().body());
      }
    }
  }
}
