package vn.lienthong.infrastructure.edxml;

/**
 * A package that went past one of the reader's {@link EdXmlReader.Limits}; reading stopped there (a
 * 413 at the REST boundary). {@link #limit()} names the limit.
 */
public class EdXmlLimitException extends EdXmlException {
  private static final long serialVersionUID = 1L;

  private final EdXmlReader.Limit limit;
  private final long value;

  EdXmlLimitException(EdXmlReader.Limit limit, long value, String what) {
    super(
        "Gói edXML vượt giới hạn: ",
        what + " (giới hạn " + limit.componentName() + " = " + value + ")",
        null);
    this.limit = limit;
    this.value = value;
  }

  /** A limit is the package's as a whole: it stays as it is. */
  @Override
  EdXmlException within(String element) {
    return this;
  }

  /** The limit that was exceeded. */
  public EdXmlReader.Limit limit() {
    return limit;
  }

  /** Its configured value. */
  public long value() {
    return value;
  }
}
