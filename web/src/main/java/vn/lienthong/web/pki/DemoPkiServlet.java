package vn.lienthong.web.pki;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import vn.lienthong.application.signing.SignatureServices;
import vn.lienthong.signing.pki.PkiResponse;

/**
 * Demo mode: the demo PKI's services at the URLs its certificates name (LIENTHONG_PUBLIC_URL/pki):
 * CA certificates and CRLs (GET), the OCSP responder (POST, or GET as RFC 6960 A.1) and the RFC
 * 3161 timestamp service (POST). Outside demo mode every path here is 404.
 */
@WebServlet(urlPatterns = "/pki/*")
public class DemoPkiServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** OCSP and timestamp requests are a few hundred bytes; nothing bigger is read. */
  private static final int MAX_REQUEST = 64 * 1024;

  @Inject transient SignatureServices engine;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    answer(req, resp, new byte[0]);
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    byte[] body;
    try (InputStream in = req.getInputStream()) {
      body = in.readNBytes(MAX_REQUEST + 1);
    }
    if (body.length > MAX_REQUEST) {
      resp.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      return;
    }
    answer(req, resp, body);
  }

  private void answer(HttpServletRequest req, HttpServletResponse resp, byte[] body)
      throws IOException {
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    Optional<PkiResponse> answer;
    try {
      answer = engine.demoPki(path, body);
    } catch (RuntimeException e) {
      resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    if (answer.isEmpty()) {
      resp.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    resp.setContentType(answer.get().contentType());
    resp.setContentLength(answer.get().body().length);
    resp.setHeader("Cache-Control", "no-store");
    resp.getOutputStream().write(answer.get().body());
  }
}
