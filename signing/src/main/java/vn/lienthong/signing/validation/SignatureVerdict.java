package vn.lienthong.signing.validation;

import java.time.OffsetDateTime;

/**
 * The verdict on one signature: who signed (the certificate's name), for which organisation (with
 * its organ code when the certificate has one), when (the best proven time, else the claimed time,
 * at +07:00), at which PAdES level, the ETSI indication and sub-indication, and whether the
 * document was changed after this signature in a way signatures do not allow.
 */
public record SignatureVerdict(
    String signer,
    String organization,
    OffsetDateTime signingTime,
    String level,
    Indication indication,
    String subIndication,
    boolean modifiedAfterSigning) {}
