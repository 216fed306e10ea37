package vn.lienthong.web.api;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import vn.lienthong.application.Settings;
import vn.lienthong.domain.content.ContentTooLargeException;
import vn.lienthong.web.problem.Problem;
import vn.lienthong.web.problem.Problems;

/**
 * Cuts request bodies at the upload limit before anything parses them: a declared length over the
 * limit is refused at once (413, nothing read), and a chunked body stops being read at the limit.
 * The allowance covers the multipart envelope around a file of exactly the limit. A body that
 * carries no file is held to what JSON calls need, the login's to a few kilobytes.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class UploadLimitFilter extends HttpFilter {
  private static final long serialVersionUID = 1L;
  private static final long MULTIPART_ALLOWANCE = 1024 * 1024;

  /** The web client's login body: a user name and a password, with room to spare. */
  static final long SESSION_BODY_MAX = 4 * 1024;

  /**
   * Any other body that carries no file (JSON): the largest a call needs is a batch of 100
   * signature values or a certificate chain, a few kilobytes each.
   */
  static final long JSON_BODY_MAX = 256 * 1024;

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject transient Settings settings;

  @Override
  protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain)
      throws IOException, ServletException {
    long limit;
    Supplier<ContentTooLargeException> tooLarge;
    if (req.getRequestURI().equals("/api/v1/session")) {
      // a login is a user name and a password; it is open to anyone, so it gets no more
      limit = SESSION_BODY_MAX;
      tooLarge = () -> ContentTooLargeException.body(SESSION_BODY_MAX);
    } else if (!carriesFiles(req)) {
      // a JSON call names documents, units, a certificate chain or a signature: kilobytes
      limit = JSON_BODY_MAX;
      tooLarge = () -> ContentTooLargeException.body(JSON_BODY_MAX);
    } else {
      long fileLimit = settings.uploadMaxBytes();
      if (req.getRequestURI().startsWith("/api/v1/verifications")) {
        // the public endpoint takes smaller files than the officials' uploads
        fileLimit = Math.min(fileLimit, settings.verificationMaxBytes());
      }
      long files = fileLimit;
      limit = fileLimit + MULTIPART_ALLOWANCE;
      tooLarge = () -> new ContentTooLargeException(files);
    }
    long declared = req.getContentLengthLong();
    if (declared > limit) {
      Problem p = Problems.of(tooLarge.get());
      resp.setStatus(p.status());
      resp.setContentType(Problem.MEDIA_TYPE);
      resp.setCharacterEncoding(StandardCharsets.UTF_8.name());
      resp.setHeader("Connection", "close");
      resp.getWriter().write(JSON.toJson(p));
      return;
    }
    chain.doFilter(declared >= 0 ? req : new Limited(req, limit, tooLarge), resp);
  }

  /** Multipart uploads (documents, verifications) and edXML packages carry files. */
  private static boolean carriesFiles(HttpServletRequest req) {
    String type = req.getContentType();
    return (type != null && type.regionMatches(true, 0, "multipart/", 0, 10))
        || req.getRequestURI().equals("/api/v1/edxml");
  }

  /** A request whose body stream fails with 413 past the limit. */
  private static final class Limited extends HttpServletRequestWrapper {
    private final long limit;
    private final Supplier<ContentTooLargeException> tooLarge;
    private ServletInputStream stream;

    Limited(HttpServletRequest req, long limit, Supplier<ContentTooLargeException> tooLarge) {
      super(req);
      this.limit = limit;
      this.tooLarge = tooLarge;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        ServletInputStream in = super.getInputStream();
        stream =
            new ServletInputStream() {
              long count;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buf, int off, int len) throws IOException {
                int n = in.read(buf, off, len);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) {
                count += n;
                if (count > limit) {
                  throw tooLarge.get();
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return stream;
    }
  }
}
