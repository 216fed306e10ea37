package vn.lienthong.signing.validation;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The verdict on one signature: who signed (the certificate's name), for which organisation (with
 * its organ code when the certificate has one), when (the best proven time, else the claimed time,
 * at +07:00), at which PAdES level, the ETSI indication and sub-indication, and what later
 * revisions changed after it that signatures do not allow.
 */
public record SignatureVerdict(
    String signer,
    String organization,
    OffsetDateTime signingTime,
    String level,
    Indication indication,
    String subIndication,
    List<ChangeAfterSigning> changesAfterSigning) {

  public SignatureVerdict {
    changesAfterSigning = List.copyOf(changesAfterSigning);
  }

  /** Whether a later change alters what a page shows (the signature is then TOTAL_FAILED). */
  public boolean modifiedAfterSigning() {
    return changesAfterSigning.stream().anyMatch(ChangeAfterSigning::altersDisplay);
  }
}
