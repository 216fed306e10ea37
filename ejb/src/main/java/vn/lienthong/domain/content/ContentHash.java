package vn.lienthong.domain.content;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 in lower-case hex: the identity of stored bytes. */
public record ContentHash(String hex) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public ContentHash {
    if (hex == null || !SHA256.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a lower-case hex SHA-256");
    }
  }

  public static ContentHash of(byte[] digest) {
    return new ContentHash(HexFormat.of().formatHex(digest));
  }

  @Override
  public String toString() {
    return hex;
  }
}
