package vn.lienthong.domain.content;

import vn.lienthong.domain.DomainException;

/** An upload went past the configured size limit; reading stopped there. */
public class ContentTooLargeException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final long limitBytes;

  public ContentTooLargeException(long limitBytes) {
    super("Tệp vượt quá dung lượng tối đa " + describe(limitBytes) + ".");
    this.limitBytes = limitBytes;
  }

  /** A request body (not a file) past what its call needs. */
  public static ContentTooLargeException body(long limitBytes) {
    return new ContentTooLargeException(
        "Nội dung yêu cầu vượt quá " + describe(limitBytes) + ".", limitBytes);
  }

  private ContentTooLargeException(String message, long limitBytes) {
    super(message);
    this.limitBytes = limitBytes;
  }

  public long limitBytes() {
    return limitBytes;
  }

  private static String describe(long bytes) {
    long mib = bytes / (1024 * 1024);
    if (mib > 0 && bytes % (1024 * 1024) == 0) {
      return mib + " MiB";
    }
    return bytes > 0 && bytes % 1024 == 0 ? bytes / 1024 + " KiB" : bytes + " byte";
  }
}
