package vn.lienthong.application.signing;

import java.time.Instant;
import java.util.UUID;

/**
 * A prepared signature, as the local signing agent needs it: the bytes the token signs (the DER of
 * the CMS signed attributes, base64), their SHA-256 for tokens that sign a digest, the algorithm,
 * and until when the value is accepted.
 */
public record SessionView(
    UUID id,
    UUID documentId,
    String title,
    String documentSha256,
    String dataToSign,
    String digest,
    String signatureAlgorithm,
    Instant expiresAt) {}
