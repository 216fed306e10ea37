package vn.lienthong.signing.pki;

/**
 * How the signing and validation services reach CA certificates, CRLs, OCSP responders and TSAs by
 * URL. Over HTTP in production ({@link HttpPkiClient}); in process for the demo PKI ({@link
 * DemoPki#client()}); with a cache in front ({@link CachingPkiClient}).
 */
public interface PkiClient {

  /** GET: a CRL or a CA certificate. */
  byte[] get(String url);

  /** POST: an OCSP request or an RFC 3161 timestamp request. */
  byte[] post(String url, String contentType, byte[] body);

  /** Routes the demo PKI's own URLs in process and everything else to {@code fallback}. */
  static PkiClient demoFirst(DemoPki pki, PkiClient fallback) {
    return new PkiClient() {
      @Override
      public byte[] get(String url) {
        return pki.respond(url, new byte[0])
            .map(PkiResponse::body)
            .orElseGet(() -> fallback.get(url));
      }

      @Override
      public byte[] post(String url, String contentType, byte[] body) {
        return pki.respond(url, body)
            .map(PkiResponse::body)
            .orElseGet(() -> fallback.post(url, contentType, body));
      }
    };
  }
}
