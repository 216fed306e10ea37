package vn.lienthong.infrastructure.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The package's characters: UTF-8, the encoding of edXML, whatever the XML declaration says (.NET
 * systems declare {@code utf-16} on UTF-8 bytes when they serialize through a string); UTF-16 only
 * with its byte order mark. Decoded strictly, so a malformed byte is an error the reader names (the
 * JDK's parser, decoding itself, also prints such errors to the standard error stream).
 */
final class PackageText extends Reader {
  private final Reader decoded;
  private boolean malformed;

  private PackageText(Reader decoded) {
    this.decoded = decoded;
  }

  static PackageText open(InputStream bytes) throws IOException {
    PushbackInputStream in = new PushbackInputStream(bytes, 3);
    byte[] head = new byte[3];
    int n = in.readNBytes(head, 0, 3);
    Charset charset = StandardCharsets.UTF_8;
    int bom = 0;
    if (n == 3
        && (head[0] & 0xFF) == 0xEF
        && (head[1] & 0xFF) == 0xBB
        && (head[2] & 0xFF) == 0xBF) {
      bom = 3;
    } else if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
      charset = StandardCharsets.UTF_16BE;
      bom = 2;
    } else if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
      charset = StandardCharsets.UTF_16LE;
      bom = 2;
    }
    if (n > bom) {
      in.unread(head, bom, n - bom);
    }
    return new PackageText(
        new InputStreamReader(
            in,
            charset
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)));
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    try {
      return decoded.read(buffer, offset, length);
    } catch (CharacterCodingException e) {
      malformed = true;
      throw e;
    }
  }

  /** Closing is the caller's, who opened the stream. */
  @Override
  public void close() {}

  /** Whether a byte sequence was not of the encoding. */
  boolean malformed() {
    return malformed;
  }
}
