package vn.lienthong.signing.pades;

/** The PAdES baseline levels (ETSI EN 319 142-1). */
public enum SignatureLevel {
  /** Basic signature: signing time claimed by the signer only. */
  B_B,
  /** With an RFC 3161 signature timestamp: the time is proven. */
  B_T,
  /** With the validation data (certificates, OCSP/CRL) embedded: verifiable offline later. */
  B_LT,
  /**
   * With a document timestamp over everything: for documents that must outlive their certificates
   * (certified copies), re-timestamped before the last timestamp's certificate expires.
   */
  B_LTA;

  public boolean needsTimestamp() {
    return this != B_B;
  }

  /** "B-LT" for "B_LT": the spelling of the standard and of the CLI. */
  public String label() {
    return name().replace('_', '-');
  }

  public static SignatureLevel fromLabel(String label) {
    return valueOf(label.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
  }
}
