package vn.lienthong.infrastructure.edxml;

/**
 * An edXML package that cannot be read or a record that cannot be written: the message is
 * Vietnamese and safe to show to the sender of the package (a 400 at the REST boundary; {@link
 * EdXmlLimitException}, a limit exceeded, is a 413).
 */
public class EdXmlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String problem;

  /**
   * @param problem what is wrong, without the leading "Gói edXML không hợp lệ: " and the final
   *     period, e.g. "thiếu phần tử Subject"
   */
  public EdXmlException(String problem) {
    this(problem, null);
  }

  public EdXmlException(String problem, Throwable cause) {
    this("Gói edXML không hợp lệ: ", problem, cause);
  }

  EdXmlException(String lead, String problem, Throwable cause) {
    super(lead + problem + ".", cause);
    this.problem = problem;
  }

  /** "thiếu phần tử {@code element}". */
  static EdXmlException missing(String element) {
    return new EdXmlException("thiếu phần tử " + element);
  }

  /**
   * The same problem placed inside {@code element} ("… trong From"): a record such as an organ is
   * shared by several elements and does not know which one it came from.
   */
  EdXmlException within(String element) {
    EdXmlException placed = new EdXmlException(problem + " trong " + element, getCause());
    placed.setStackTrace(getStackTrace());
    return placed;
  }

  /** What is wrong, without the lead and the period. */
  public String problem() {
    return problem;
  }
}
