package vn.lienthong.signing.pki;

/** What a PKI endpoint answers: the bytes the server will later send over HTTP unchanged. */
public record PkiResponse(String contentType, byte[] body) {

  public static final String CRL = "application/pkix-crl";
  public static final String CERTIFICATE = "application/pkix-cert";
  public static final String OCSP_RESPONSE = "application/ocsp-response";
  public static final String TIMESTAMP_REPLY = "application/timestamp-reply";
}
