package vn.lienthong.infrastructure.edxml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The package's bytes, counted: past the limit a read fails. The XML parser wraps whatever the
 * stream throws, so what happened is also kept here for the reader to tell a limit, a failing
 * stream and an early end apart.
 */
final class BoundedInput extends FilterInputStream {
  private final long max;
  private long count;
  private boolean exceeded;
  private boolean ended;
  private IOException failure;

  BoundedInput(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n == 1 ? one[0] & 0xFF : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (exceeded) {
      throw new IOException("edXML package larger than " + max + " bytes");
    }
    int n;
    try {
      n = super.read(b, off, (int) Math.min(len, max - count + 1));
    } catch (IOException e) {
      failure = e;
      throw e;
    }
    if (n < 0) {
      ended = true;
      return n;
    }
    count += n;
    if (count > max) {
      exceeded = true;
      throw new IOException("edXML package larger than " + max + " bytes");
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // The parser does not skip; counted reads keep the bound honest if something does.
    byte[] buffer = new byte[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Closing is the caller's, who opened the stream. */
  @Override
  public void close() {}

  boolean exceeded() {
    return exceeded;
  }

  boolean ended() {
    return ended;
  }

  IOException failure() {
    return failure;
  }
}
