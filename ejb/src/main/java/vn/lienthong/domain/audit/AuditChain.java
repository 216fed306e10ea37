package vn.lienthong.domain.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The audit trail's hash chain: each entry's hash is the SHA-256 of its place in the chain, its
 * fields and the hash of the entry before it, so an entry changed, removed or slipped in later no
 * longer matches what follows. The first entry follows {@link #GENESIS}.
 */
public final class AuditChain {

  /** What the first entry's "previous hash" is. */
  public static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  /** The time as the database keeps it (microseconds): what is hashed is what can be read back. */
  public static Instant stored(Instant time) {
    return time.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The hash of an entry. Each field is written with its length, a null as "-", so no two different
   * entries give the same text.
   */
  public static String hash(
      long position,
      Instant occurredAt,
      String actor,
      String unitCode,
      String action,
      String objectId,
      String documentSha256,
      String detail,
      String previousHash) {
    StringBuilder text = new StringBuilder("lienthong-audit-1");
    for (String field :
        new String[] {
          Long.toString(position),
          stored(occurredAt).toString(),
          actor,
          unitCode,
          action,
          objectId,
          documentSha256,
          detail,
          previousHash
        }) {
      text.append('|');
      if (field == null) {
        text.append('-');
      } else {
        text.append(field.length()).append(':').append(field);
      }
    }
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
