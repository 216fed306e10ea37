package vn.lienthong.domain.content;

import java.nio.charset.StandardCharsets;

/** What makes bytes a PDF at the door. */
public final class Pdf {
  public static final String MEDIA_TYPE = "application/pdf";

  /** Readers accept the header within the first 1024 bytes (ISO 32000-1, annex H.3). */
  public static final int HEADER_WINDOW = 1024;

  private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private Pdf() {}

  public static boolean hasHeader(byte[] head, int length) {
    int last = Math.min(length, HEADER_WINDOW) - HEADER.length;
    outer:
    for (int i = 0; i <= last; i++) {
      for (int j = 0; j < HEADER.length; j++) {
        if (head[i + j] != HEADER[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
