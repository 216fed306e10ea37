package vn.lienthong.domain.content;

import java.nio.charset.StandardCharsets;

/** What makes bytes a PDF at the door. */
public final class Pdf {
  public static final String MEDIA_TYPE = "application/pdf";

  /** How far into the bytes the header may start (after white space only). */
  public static final int HEADER_WINDOW = 1024;

  private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

  private Pdf() {}

  /**
   * Whether the bytes start with {@code %PDF-}, after nothing but PDF white-space characters (ISO
   * 32000-1, 7.2.2) within the window. Readers take a header anywhere in the first kilobyte (annex
   * H.3), which is what lets an HTML page or a script carry a "%PDF-" line and pass as a PDF; a
   * file that is a PDF begins as one.
   */
  public static boolean hasHeader(byte[] head, int length) {
    int end = Math.min(length, HEADER_WINDOW);
    int i = 0;
    while (i < end && whiteSpace(head[i])) {
      i++;
    }
    if (i + HEADER.length > end) {
      return false;
    }
    for (int j = 0; j < HEADER.length; j++) {
      if (head[i + j] != HEADER[j]) {
        return false;
      }
    }
    return true;
  }

  /** NUL, TAB, LF, FF, CR and SPACE. */
  private static boolean whiteSpace(byte b) {
    return b == 0 || b == 9 || b == 10 || b == 12 || b == 13 || b == 32;
  }
}
