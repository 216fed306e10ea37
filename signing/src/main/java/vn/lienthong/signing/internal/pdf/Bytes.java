package vn.lienthong.signing.internal.pdf;

/** Random access to bytes: a file through its block cache, or a decoded object stream. */
interface Bytes {

  /** The byte at {@code position} (0..255), or -1 past the end. */
  int at(long position);

  static Bytes of(byte[] data) {
    return position -> position < data.length && position >= 0 ? data[(int) position] & 0xff : -1;
  }
}
