package vn.lienthong.infrastructure.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Reads edXML packages with StAX, as a stream, for input from anyone.
 *
 * <p>Hardened: a DTD is refused (a package with {@code <!DOCTYPE} fails, it is not ignored), so are
 * entity references other than the five of XML and character references; nothing external is ever
 * fetched. Bounded by {@link Limits}: the bytes read, the depth, the text of each element and of
 * the whole header, the attachments' number and size and the lengths of the lists; past a limit the
 * reader stops with an {@link EdXmlLimitException} that names it.
 *
 * <p>What it accepts is what the implementations write (see {@link EdXmlWriter} for the shape):
 * elements in the QCVN 102 namespace or in none, in any order within their parent; unknown elements
 * skipped; root {@code edXML} or directly {@code edXMLEnvelope}; {@code AttachmentEncoded} after
 * the envelope, in it or in {@code edXMLBody}, the metadata of an attachment given there or in the
 * manifest's {@code Reference} (by {@code ContentId}, child or {@code xlink:href}); a status as
 * {@code edXMLHeader/Status} or as a {@code MessageHeader} that has a {@code StatusCode} (Bkav's);
 * {@code Bussiness} or {@code Business}; dates as {@link EdXmlDates} says; UTF-8 whatever the XML
 * declaration says (UTF-16 with its byte order mark only). An element given twice where the
 * standard has one is refused, not chosen from. Every {@code Reference} of the manifest must have
 * its {@code Attachment}.
 *
 * <p>Attachments are decoded as they stream into temporary files in the directory the caller gives;
 * if reading fails, the files written so far are deleted. Once read, the files are the caller's.
 * Thread-safe; it keeps no state.
 */
public final class EdXmlReader {
  private final Limits limits;

  /** A reader with {@link Limits#DEFAULTS}. */
  public EdXmlReader() {
    this(Limits.DEFAULTS);
  }

  public EdXmlReader(Limits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * Reads a document or a status package.
   *
   * @param attachmentDir where the attachments' temporary files are made
   * @throws EdXmlException the package is not a valid edXML package ({@link EdXmlLimitException}:
   *     it is past a limit)
   * @throws IOException the stream failed, or a temporary file could not be written
   */
  public EdXmlPackage read(InputStream in, Path attachmentDir) throws IOException {
    Objects.requireNonNull(attachmentDir, "attachmentDir");
    return parse(in, attachmentDir);
  }

  /** Reads a document package; a status package is refused. */
  public EdXmlDocument readDocument(InputStream in, Path attachmentDir) throws IOException {
    EdXmlPackage read = read(in, attachmentDir);
    if (read instanceof EdXmlDocument document) {
      return document;
    }
    throw new EdXmlException("đây là gói trạng thái (Status), không phải gói văn bản");
  }

  /** Reads a status package; a document package, or any package with attachments, is refused. */
  public EdXmlStatus readStatus(InputStream in) throws IOException {
    EdXmlPackage read = parse(in, null);
    if (read instanceof EdXmlStatus status) {
      return status;
    }
    throw new EdXmlException("đây là gói văn bản, không phải gói trạng thái (Status)");
  }

  private EdXmlPackage parse(InputStream in, Path attachmentDir) throws IOException {
    Objects.requireNonNull(in, "in");
    BoundedInput input = new BoundedInput(in, limits.maxTotalBytes());
    PackageParse parse = new PackageParse(limits, input, attachmentDir);
    try {
      parse.start(factory());
      return parse.result();
    } catch (PackageParse.InputFailed e) {
      parse.deleteFiles();
      throw e.failure;
    } catch (Throwable e) { // every failure, Errors included, leaves no temporary file behind
      parse.deleteFiles();
      throw e;
    } finally {
      parse.close();
    }
  }

  private static XMLInputFactory factory() {
    // The JDK's own implementation, whatever else the class path offers (WildFly has Woodstox):
    // the hardening below is checked against it.
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // An entity reference stays an event, which the reader refuses, instead of being replaced.
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    // Text in pieces, so a 100 MB attachment never becomes one string.
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setXMLResolver(
        (publicId, systemId, baseUri, namespace) -> {
          throw new XMLStreamException("external entities are not read: " + systemId);
        });
    return factory;
  }

  /** The limits, one at a time, as {@link EdXmlLimitException#limit()} names them. */
  public enum Limit {
    TOTAL_BYTES("maxTotalBytes"),
    DEPTH("maxDepth"),
    TEXT_LENGTH("maxTextLength"),
    HEADER_TEXT("maxHeaderText"),
    ATTACHMENTS("maxAttachments"),
    ATTACHMENT_BYTES("maxAttachmentBytes"),
    RECIPIENTS("maxRecipients"),
    TRACE_HEADERS("maxTraceHeaders"),
    LIST_ENTRIES("maxListEntries");

    private final String componentName;

    Limit(String componentName) {
      this.componentName = componentName;
    }

    /** The component of {@link Limits} that sets it. */
    public String componentName() {
      return componentName;
    }
  }

  /**
   * What a package may hold. Each must be positive.
   *
   * @param maxTotalBytes bytes read from the stream, attachments' base64 included
   * @param maxDepth element nesting, the root at 1
   * @param maxTextLength characters of one element's text (attachment values excepted)
   * @param maxHeaderText characters of all the text kept (all but attachment values): bounds the
   *     memory the records take, whatever the lists hold
   * @param maxAttachments {@code Attachment} elements (and {@code Reference}s of the manifest)
   * @param maxAttachmentBytes decoded bytes of one attachment
   * @param maxRecipients {@code To} organs
   * @param maxTraceHeaders {@code TraceHeader}s
   * @param maxListEntries entries of each other list ({@code ToPlaces/Place}, {@code
   *     Appendixes/Appendix}, {@code ResponseFor})
   */
  public record Limits(
      long maxTotalBytes,
      int maxDepth,
      int maxTextLength,
      int maxHeaderText,
      int maxAttachments,
      long maxAttachmentBytes,
      int maxRecipients,
      int maxTraceHeaders,
      int maxListEntries) {

    /**
     * 512 MiB in all, depth 32, 32 768 characters an element and 1 048 576 in all, 50 attachments
     * of at most 128 MiB each, 1000 recipients, 100 trace headers, 1000 entries a list. A 100 MB
     * scan is 134 MB of base64, so three of them fit; the real packages are 6 to 8 deep.
     */
    public static final Limits DEFAULTS =
        new Limits(512L << 20, 32, 32_768, 1 << 20, 50, 128L << 20, 1000, 100, 1000);

    public Limits {
      if (maxTotalBytes <= 0
          || maxDepth <= 0
          || maxTextLength <= 0
          || maxHeaderText <= 0
          || maxAttachments <= 0
          || maxAttachmentBytes <= 0
          || maxRecipients <= 0
          || maxTraceHeaders <= 0
          || maxListEntries <= 0) {
        throw new IllegalArgumentException("every limit must be positive: " + this);
      }
    }

    public Limits withMaxTotalBytes(long value) {
      return new Limits(
          value,
          maxDepth,
          maxTextLength,
          maxHeaderText,
          maxAttachments,
          maxAttachmentBytes,
          maxRecipients,
          maxTraceHeaders,
          maxListEntries);
    }

    public Limits withMaxDepth(int value) {
      return new Limits(
          maxTotalBytes,
          value,
          maxTextLength,
          maxHeaderText,
          maxAttachments,
          maxAttachmentBytes,
          maxRecipients,
          maxTraceHeaders,
          maxListEntries);
    }

    public Limits withMaxTextLength(int value) {
      return new Limits(
          maxTotalBytes,
          maxDepth,
          value,
          maxHeaderText,
          maxAttachments,
          maxAttachmentBytes,
          maxRecipients,
          maxTraceHeaders,
          maxListEntries);
    }

    public Limits withMaxHeaderText(int value) {
      return new Limits(
          maxTotalBytes,
          maxDepth,
          maxTextLength,
          value,
          maxAttachments,
          maxAttachmentBytes,
          maxRecipients,
          maxTraceHeaders,
          maxListEntries);
    }

    public Limits withMaxAttachments(int value) {
      return new Limits(
          maxTotalBytes,
          maxDepth,
          maxTextLength,
          maxHeaderText,
          value,
          maxAttachmentBytes,
          maxRecipients,
          maxTraceHeaders,
          maxListEntries);
    }

    public Limits withMaxAttachmentBytes(long value) {
      return new Limits(
          maxTotalBytes,
          maxDepth,
          maxTextLength,
          maxHeaderText,
          maxAttachments,
          value,
          maxRecipients,
          maxTraceHeaders,
          maxListEntries);
    }

    public Limits withMaxRecipients(int value) {
      return new Limits(
          maxTotalBytes,
          maxDepth,
          maxTextLength,
          maxHeaderText,
          maxAttachments,
          maxAttachmentBytes,
          value,
          maxTraceHeaders,
          maxListEntries);
    }

    public Limits withMaxTraceHeaders(int value) {
      return new Limits(
          maxTotalBytes,
          maxDepth,
          maxTextLength,
          maxHeaderText,
          maxAttachments,
          maxAttachmentBytes,
          maxRecipients,
          value,
          maxListEntries);
    }

    public Limits withMaxListEntries(int value) {
      return new Limits(
          maxTotalBytes,
          maxDepth,
          maxTextLength,
          maxHeaderText,
          maxAttachments,
          maxAttachmentBytes,
          maxRecipients,
          maxTraceHeaders,
          value);
    }
  }
}
