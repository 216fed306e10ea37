package vn.lienthong.application.signing;

import java.util.List;
import java.util.Optional;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pki.PkiResponse;
import vn.lienthong.signing.validation.PdfVerifier;

/**
 * The signing engine as the server configured it: one set of trust services (anchors, timestamp
 * source, revocation sources behind the server's cache), the keys the server holds, and what is
 * wrong with them. Implemented in infrastructure.signing.
 */
public interface SignatureServices {

  /** The signer on the configured trust services; 503 when they are not usable. */
  PadesSigner signer();

  /** The verifier on the configured trust anchors; 503 when there are none. */
  PdfVerifier verifier();

  /**
   * Identifies the trust configuration (anchors and service URLs): a cached verdict is only valid
   * for the configuration that made it.
   */
  String trustFingerprint();

  /** The unit's seal key (HSM token or PKCS#12 file); 503 when the unit has none configured. */
  KeySource seal(String unitCode);

  /** Demo mode only: the leader's server-held demo key. */
  Optional<KeySource> demoLeaderKey(String username);

  /**
   * Demo mode only: revokes a demo certificate at the demo CA for key compromise known since {@code
   * compromisedSince} (now, or earlier: a stolen token reported late), and forgets cached answers.
   * Signatures made since then no longer pass; those timestamped before still do.
   */
  void revokeDemoCertificate(byte[] certificateDer, java.time.Instant compromisedSince);

  /**
   * Demo mode only: the demo PKI's answer (CRL, OCSP, timestamp, CA certificate) to a request for
   * {@code path} under its base URL; empty outside demo mode or for a path it does not serve.
   */
  Optional<PkiResponse> demoPki(String path, byte[] body);

  /** What keeps signing from working, one line each (readiness reports them); empty when ready. */
  List<String> problems();
}
