package vn.lienthong.signing.pki;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain HTTP access to CRLs, OCSP responders and TSAs, with a bounded time per call and a bounded
 * answer. Redirects are not followed: the URL that was allowed (see {@link PkiClient#restrictedTo})
 * is the only one called.
 */
public final class HttpPkiClient implements PkiClient {

  /** A CRL or OCSP answer larger than this is refused rather than buffered. */
  private static final int MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  public HttpPkiClient(Duration timeout) {
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Override
  public byte[] get(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
  }

  @Override
  public byte[] post(String url, String contentType, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private byte[] send(HttpRequest request) {
    try {
      HttpResponse<java.io.InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (java.io.InputStream body = response.body()) {
        if (response.statusCode() / 100 != 2) {
          throw new PkiException("HTTP " + response.statusCode() + " from " + request.uri());
        }
        // read one byte past the limit: an answer that has it is refused, never buffered whole
        byte[] bytes = body.readNBytes(MAX_RESPONSE_BYTES + 1);
        if (bytes.length > MAX_RESPONSE_BYTES) {
          throw new PkiException("Response too large from " + request.uri());
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new PkiException("Cannot reach " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PkiException("Interrupted while calling " + request.uri(), e);
    }
  }
}
