package vn.lienthong.infrastructure.edxml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Attachment;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Business;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.BusinessDocType;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Code;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.DocumentType;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.OtherInfo;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Priority;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.PromulgationInfo;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.SignerInfo;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.SteeringType;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.TraceHeader;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.Organ;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.ResponseFor;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.StaffInfo;
import vn.lienthong.infrastructure.edxml.EdXmlReader.Limit;

/**
 * One reading of a package for {@link EdXmlReader}: the StAX events with the checks every event
 * gets, the structure of edXML as a descent over the elements, the fields found, the counters of
 * the limits and the temporary files written (deleted by {@link #deleteFiles} when reading fails).
 */
final class PackageParse {
  private static final String XLINK = "http://www.w3.org/1999/xlink";

  /** The stream failed under the parser: given back to the caller as the IOException it was. */
  static final class InputFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient IOException failure;

    InputFailed(IOException failure) {
      super(failure);
      this.failure = failure;
    }
  }

  /** An attachment as {@code AttachmentEncoded} gives it, before the manifest completes it. */
  private record Encoded(
      String contentId, String name, String contentType, String description, Path file) {}

  /** A manifest entry. */
  private record Reference(String name, String contentType, String description) {}

  private final EdXmlReader.Limits limits;
  private final BoundedInput input;
  private final Path attachmentDir;
  private final List<Path> files = new ArrayList<>();
  private PackageText text;
  private XMLStreamReader xml;
  private int depth;
  private long headerText;

  private final Set<String> seenBlocks = new HashSet<>();

  /** "MessageHeader" or "Status", whichever the header has. */
  private String headerKind;

  private final Set<String> seen = new HashSet<>();
  private Organ from;
  private final List<Organ> to = new ArrayList<>();
  private Code code;
  private PromulgationInfo promulgationInfo;
  private DocumentType documentType;
  private String subject;
  private String content;
  private SignerInfo signerInfo;
  private LocalDate dueDate;
  private final List<String> toPlaces = new ArrayList<>();
  private OtherInfo otherInfo;
  private final List<ResponseFor> responseFor = new ArrayList<>();
  private SteeringType steeringType;
  private String documentId;
  private EdXmlStatus.StatusCode statusCode;
  private String description;
  private Instant timestamp;
  private StaffInfo staffInfo;
  private final List<TraceHeader> traceHeaders = new ArrayList<>();
  private Business business;
  private final List<Encoded> encoded = new ArrayList<>();
  private final Map<String, Reference> references = new LinkedHashMap<>();

  PackageParse(EdXmlReader.Limits limits, BoundedInput input, Path attachmentDir) {
    this.limits = limits;
    this.input = input;
    this.attachmentDir = attachmentDir;
  }

  void start(XMLInputFactory factory) throws IOException {
    try {
      text = PackageText.open(input);
    } catch (IOException e) {
      throw malformed(e);
    }
    try {
      xml = factory.createXMLStreamReader(text);
    } catch (XMLStreamException | RuntimeException e) {
      throw malformed(e);
    }
    int event = next();
    while (event != XMLStreamConstants.START_ELEMENT) {
      if (event == XMLStreamConstants.END_DOCUMENT) {
        throw new EdXmlException("gói trống, không có phần tử edXML");
      }
      event = next();
    }
    String root = name();
    if ("edXML".equals(root)) {
      while (nextChild()) {
        switch (nameOrSkip()) {
          case "edXMLEnvelope" -> envelope();
          case "AttachmentEncoded" -> attachmentEncoded();
          default -> skip();
        }
      }
    } else if ("edXMLEnvelope".equals(root)) {
      envelope();
    } else {
      throw new EdXmlException(
          "phần tử gốc phải là edXML (không gian tên "
              + EdXmlPackage.NAMESPACE
              + "), không phải "
              + qualifiedName()
              + (xml.getNamespaceURI() == null || xml.getNamespaceURI().isEmpty()
                  ? ""
                  : " (không gian tên " + xml.getNamespaceURI() + ")"));
    }
    while (next() != XMLStreamConstants.END_DOCUMENT) {
      // the parser checks what follows the root: comments, processing instructions, whitespace
    }
  }

  // ---------------------------------------------------------------- structure

  private void envelope() throws IOException {
    once(seenBlocks, "edXMLEnvelope");
    while (nextChild()) {
      switch (nameOrSkip()) {
        case "edXMLHeader" -> header();
        case "edXMLBody" -> body();
        case "AttachmentEncoded" -> attachmentEncoded();
        default -> skip();
      }
    }
  }

  private void header() throws IOException {
    once(seenBlocks, "edXMLHeader");
    while (nextChild()) {
      switch (nameOrSkip()) {
        case "MessageHeader" -> {
          headerKind("MessageHeader");
          messageHeader();
        }
        case "Status" -> {
          headerKind("Status");
          status();
        }
        case "TraceHeaderList" -> traceHeaderList();
        default -> skip(); // DigitalSignature, ds:Signature
      }
    }
  }

  private void headerKind(String kind) {
    if (kind.equals(headerKind)) {
      throw new EdXmlException("phần tử " + kind + " xuất hiện hai lần");
    }
    if (headerKind != null) {
      throw new EdXmlException(
          "edXMLHeader có cả " + headerKind + " và " + kind + ", chỉ được có một");
    }
    headerKind = kind;
  }

  private void body() throws IOException {
    once(seenBlocks, "edXMLBody");
    while (nextChild()) {
      switch (nameOrSkip()) {
        case "edXMLManifest" -> manifest();
        case "AttachmentEncoded" -> attachmentEncoded();
        default -> skip();
      }
    }
  }

  // ---------------------------------------------------------------- MessageHeader

  private void messageHeader() throws IOException {
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "From" -> {
          once(seen, n);
          from = organ(n);
        }
        case "To" -> {
          count(to.size(), limits.maxRecipients(), Limit.RECIPIENTS, "To");
          to.add(organ(n));
        }
        case "Code" -> {
          once(seen, n);
          code = code();
        }
        case "PromulgationInfo" -> {
          once(seen, n);
          promulgationInfo = promulgationInfo();
        }
        case "DocumentType" -> {
          once(seen, n);
          documentType = documentType();
        }
        case "Subject" -> subject = onceText(seen, n);
        case "Content" -> content = onceText(seen, n);
        case "SignerInfo" -> {
          once(seen, n);
          signerInfo = signerInfo();
        }
        case "DueDate" -> {
          String text = onceText(seen, n);
          dueDate = text == null ? null : EdXmlDates.parseDate(text, n);
        }
        case "ToPlaces" -> {
          once(seen, n);
          texts("Place", toPlaces);
        }
        case "OtherInfo" -> {
          once(seen, n);
          otherInfo = otherInfo();
        }
        case "ResponseFor" -> {
          count(responseFor.size(), limits.maxListEntries(), Limit.LIST_ENTRIES, n);
          responseFor.add(responseFor());
        }
        case "SteeringType" -> {
          once(seen, n);
          steeringType = SteeringType.of(integer(n));
        }
        case "DocumentId" -> documentId = onceText(seen, n);
        // Bkav writes a status as a MessageHeader with these.
        case "StatusCode", "Description", "Timestamp", "StaffInfo" -> statusField(n);
        default -> skip();
      }
    }
  }

  private Organ organ(String element) throws IOException {
    Set<String> here = new HashSet<>();
    String id = null;
    String inCharge = null;
    String name = null;
    String address = null;
    String email = null;
    String telephone = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "OrganId" -> id = onceText(here, n);
        // Bkav's SDK spells it OrganInCharge
        case "OrganizationInCharge", "OrganInCharge" ->
            inCharge = onceText(here, "OrganizationInCharge");
        case "OrganName" -> name = onceText(here, n);
        case "OrganAdd" -> address = onceText(here, n);
        case "Email" -> email = onceText(here, n);
        case "Telephone" -> telephone = onceText(here, n);
        default -> skip(); // Fax, Website
      }
    }
    try {
      return new Organ(id, inCharge, name, address, email, telephone);
    } catch (EdXmlException e) {
      throw e.within(element);
    }
  }

  private Code code() throws IOException {
    Set<String> here = new HashSet<>();
    String number = null;
    String notation = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "CodeNumber" -> number = onceText(here, n);
        case "CodeNotation" -> notation = onceText(here, n);
        default -> skip();
      }
    }
    try {
      return new Code(number, notation);
    } catch (EdXmlException e) {
      throw e.within("Code");
    }
  }

  private PromulgationInfo promulgationInfo() throws IOException {
    Set<String> here = new HashSet<>();
    String place = null;
    LocalDate date = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "Place" -> place = onceText(here, n);
        case "PromulgationDate" -> date = date(here, n);
        default -> skip();
      }
    }
    try {
      return new PromulgationInfo(place, date);
    } catch (EdXmlException e) {
      throw e.within("PromulgationInfo");
    }
  }

  private DocumentType documentType() throws IOException {
    Set<String> here = new HashSet<>();
    Integer type = null;
    String typeName = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "Type" -> {
          once(here, n);
          type = integer(n);
        }
        case "TypeName" -> typeName = onceText(here, n);
        default -> skip(); // TypeDetail
      }
    }
    try {
      return new DocumentType(Values.required(type, "Type"), typeName);
    } catch (EdXmlException e) {
      throw e.within("DocumentType");
    }
  }

  private SignerInfo signerInfo() throws IOException {
    Set<String> here = new HashSet<>();
    String competence = null;
    String position = null;
    String fullName = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "Competence" -> competence = onceText(here, n);
        case "Position" -> position = onceText(here, n);
        case "FullName" -> fullName = onceText(here, n);
        default -> skip();
      }
    }
    try {
      return new SignerInfo(competence, position, fullName);
    } catch (EdXmlException e) {
      throw e.within("SignerInfo");
    }
  }

  private OtherInfo otherInfo() throws IOException {
    Set<String> here = new HashSet<>();
    Priority priority = null;
    String sphere = null;
    String typer = null;
    Integer amount = null;
    Integer pages = null;
    List<String> appendixes = new ArrayList<>();
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "Priority" -> {
          once(here, n);
          priority = Priority.of(integer(n));
        }
        case "SphereOfPromulgation" -> sphere = onceText(here, n);
        case "TyperNotation" -> typer = onceText(here, n);
        case "PromulgationAmount" -> {
          once(here, n);
          amount = optionalInteger(n);
        }
        case "PageAmount" -> {
          once(here, n);
          pages = optionalInteger(n);
        }
        case "Appendixes" -> {
          once(here, n);
          texts("Appendix", appendixes);
        }
        default -> skip(); // Direction
      }
    }
    try {
      return new OtherInfo(priority, sphere, typer, amount, pages, appendixes);
    } catch (EdXmlException e) {
      throw e.within("OtherInfo");
    }
  }

  private ResponseFor responseFor() throws IOException {
    Set<String> here = new HashSet<>();
    String organId = null;
    String responseCode = null;
    LocalDate date = null;
    String id = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "OrganId" -> organId = onceText(here, n);
        case "Code" -> responseCode = onceText(here, n);
        case "PromulgationDate" -> date = date(here, n);
        case "DocumentId" -> id = onceText(here, n);
        default -> skip();
      }
    }
    try {
      return new ResponseFor(organId, responseCode, date, id);
    } catch (EdXmlException e) {
      throw e.within("ResponseFor");
    }
  }

  /** The {@code child} texts of the current element, into {@code list}. */
  private void texts(String child, List<String> list) throws IOException {
    while (nextChild()) {
      if (child.equals(nameOrSkip())) {
        count(list.size(), limits.maxListEntries(), Limit.LIST_ENTRIES, child);
        String text = text(child);
        if (text != null) {
          list.add(text);
        }
      } else {
        skip();
      }
    }
  }

  // ---------------------------------------------------------------- Status

  private void status() throws IOException {
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "ResponseFor" -> {
          once(seen, n);
          responseFor.add(responseFor());
        }
        case "From" -> {
          once(seen, n);
          from = organ(n);
        }
        case "StatusCode", "Description", "Timestamp", "StaffInfo" -> statusField(n);
        default -> skip();
      }
    }
  }

  private void statusField(String n) throws IOException {
    switch (n) {
      case "StatusCode" -> {
        String text = onceText(seen, n);
        statusCode = EdXmlStatus.StatusCode.of(text);
      }
      case "Description" -> description = onceText(seen, n);
      case "Timestamp" -> {
        String text = onceText(seen, n);
        timestamp = text == null ? null : EdXmlDates.parseTimestamp(text, n);
      }
      case "StaffInfo" -> {
        once(seen, n);
        staffInfo = staffInfo();
      }
      default -> throw new IllegalStateException(n);
    }
  }

  private StaffInfo staffInfo() throws IOException {
    Set<String> here = new HashSet<>();
    String department = null;
    String staff = null;
    String mobile = null;
    String email = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "Department" -> department = onceText(here, n);
        case "Staff" -> staff = onceText(here, n);
        case "Mobile" -> mobile = onceText(here, n);
        case "Email" -> email = onceText(here, n);
        default -> skip();
      }
    }
    return new StaffInfo(department, staff, mobile, email);
  }

  // ---------------------------------------------------------------- TraceHeaderList

  private void traceHeaderList() throws IOException {
    once(seenBlocks, "TraceHeaderList");
    while (nextChild()) {
      switch (nameOrSkip()) {
        case "TraceHeader" -> {
          count(traceHeaders.size(), limits.maxTraceHeaders(), Limit.TRACE_HEADERS, "TraceHeader");
          traceHeaders.add(traceHeader());
        }
        case "Bussiness", "Business" -> {
          once(seenBlocks, "Bussiness");
          business = business();
        }
        default -> skip();
      }
    }
  }

  private TraceHeader traceHeader() throws IOException {
    Set<String> here = new HashSet<>();
    String organId = null;
    Instant at = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "OrganId" -> organId = onceText(here, n);
        case "Timestamp" -> {
          String text = onceText(here, n);
          at = text == null ? null : EdXmlDates.parseTimestamp(text, n);
        }
        default -> skip();
      }
    }
    try {
      return new TraceHeader(organId, at);
    } catch (EdXmlException e) {
      throw e.within("TraceHeader");
    }
  }

  private Business business() throws IOException {
    Set<String> here = new HashSet<>();
    BusinessDocType type = null;
    String reason = null;
    boolean paper = false;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "BussinessDocType", "BusinessDocType" -> {
          once(here, "BussinessDocType");
          type = BusinessDocType.of(integer(n));
        }
        case "BussinessDocReason", "BusinessDocReason" ->
            reason = onceText(here, "BussinessDocReason");
        case "Paper" -> {
          once(here, n);
          Integer p = optionalInteger(n);
          paper = p != null && Values.range(p, 0, 1, n) == 1;
        }
        default -> skip(); // StaffInfo, BussinessDocumentInfo, ReplacementInfoList
      }
    }
    try {
      return new Business(type, reason, paper);
    } catch (EdXmlException e) {
      throw e.within("Bussiness");
    }
  }

  // ---------------------------------------------------------------- attachments

  private void manifest() throws IOException {
    once(seenBlocks, "edXMLManifest");
    while (nextChild()) {
      if ("Reference".equals(nameOrSkip())) {
        count(references.size(), limits.maxAttachments(), Limit.ATTACHMENTS, "Reference");
        reference();
      } else {
        skip();
      }
    }
  }

  private void reference() throws IOException {
    String href = xml.getAttributeValue(XLINK, "href");
    if (href != null) {
      href = keep(href.strip(), "xlink:href");
    }
    Set<String> here = new HashSet<>();
    String id = null;
    String name = null;
    String type = null;
    String text = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "ContentId" -> id = onceText(here, n);
        case "AttachmentName" -> name = onceText(here, n);
        case "ContentType" -> type = onceText(here, n);
        case "Description" -> text = onceText(here, n);
        default -> skip();
      }
    }
    String contentId;
    try {
      contentId = Attachment.contentId(id != null ? id : href);
    } catch (EdXmlException e) {
      throw e.within("Reference");
    }
    if (references.putIfAbsent(contentId, new Reference(name, type, text)) != null) {
      throw new EdXmlException("ContentId " + contentId + " có hai Reference trong edXMLManifest");
    }
  }

  private void attachmentEncoded() throws IOException {
    while (nextChild()) {
      if ("Attachment".equals(nameOrSkip())) {
        count(encoded.size(), limits.maxAttachments(), Limit.ATTACHMENTS, "Attachment");
        attachment();
      } else {
        skip();
      }
    }
  }

  private void attachment() throws IOException {
    if (attachmentDir == null) {
      throw new EdXmlException("gói trạng thái không được có tệp đính kèm (Attachment)");
    }
    Set<String> here = new HashSet<>();
    String id = null;
    String name = null;
    String type = null;
    String text = null;
    Path file = null;
    while (nextChild()) {
      String n = nameOrSkip();
      switch (n) {
        case "ContentId" -> id = onceText(here, n);
        case "AttachmentName" -> name = onceText(here, n);
        case "ContentType" -> type = onceText(here, n);
        case "Description" -> text = onceText(here, n);
        case "ContentTransferEncoded" -> {
          once(here, n);
          file = decode();
        }
        default -> skip();
      }
    }
    if (file == null) {
      throw EdXmlException.missing("ContentTransferEncoded").within("Attachment");
    }
    if (id == null) {
      throw EdXmlException.missing("ContentId").within("Attachment");
    }
    encoded.add(new Encoded(id, name, type, text, file));
  }

  /** The base64 text of the current element, decoded into a new temporary file. */
  private Path decode() throws IOException {
    Path file = Files.createTempFile(attachmentDir, "edxml-", ".part");
    files.add(file);
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
      Base64Decoding decoding = new Base64Decoding(out);
      while (true) {
        int event = next();
        switch (event) {
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
              decoding.accept(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
          case XMLStreamConstants.START_ELEMENT ->
              throw new EdXmlException(
                  "phần tử ContentTransferEncoded chỉ chứa giá trị base64, không chứa phần tử "
                      + qualifiedName());
          case XMLStreamConstants.END_ELEMENT -> {
            decoding.finish();
            return file;
          }
          default -> {
            // comments, processing instructions
          }
        }
      }
    }
  }

  /** Base64 in pieces of any length, whitespace ignored, to a stream, counted. */
  private final class Base64Decoding {
    private final OutputStream out;
    private final byte[] quads = new byte[8 * 1024];
    private final byte[] decoded = new byte[quads.length / 4 * 3];
    private int used;
    private long written;
    private boolean padded;

    Base64Decoding(OutputStream out) {
      this.out = out;
    }

    void accept(char[] chars, int start, int length) throws IOException {
      for (int i = start; i < start + length; i++) {
        char c = chars[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
          continue;
        }
        if (c > 0x7F || padded) {
          throw invalid();
        }
        quads[used++] = (byte) c;
        if (used == quads.length) {
          flush(quads);
        }
      }
    }

    void finish() throws IOException {
      if (used > 0) {
        flush(Arrays.copyOf(quads, used));
      }
    }

    private void flush(byte[] input) throws IOException {
      int n;
      try {
        n = Base64.getDecoder().decode(input, decoded);
      } catch (IllegalArgumentException e) {
        throw invalid();
      }
      // Padding ends the value: nothing may follow it (the decoder sees one block at a time).
      padded = input[input.length - 1] == '=';
      written += n;
      if (written > limits.maxAttachmentBytes()) {
        throw new EdXmlLimitException(
            Limit.ATTACHMENT_BYTES,
            limits.maxAttachmentBytes(),
            "tệp đính kèm lớn quá " + limits.maxAttachmentBytes() + " byte");
      }
      out.write(decoded, 0, n);
      used = 0;
    }

    private EdXmlException invalid() {
      return new EdXmlException("phần tử ContentTransferEncoded không phải base64 hợp lệ");
    }
  }

  // ---------------------------------------------------------------- result

  EdXmlPackage result() {
    if (headerKind == null) {
      throw EdXmlException.missing(
          seenBlocks.contains("edXMLEnvelope")
              ? (seenBlocks.contains("edXMLHeader") ? "MessageHeader" : "edXMLHeader")
              : "edXMLEnvelope");
    }
    boolean isStatus = headerKind.equals("Status") || statusCode != null;
    if (isStatus) {
      if (headerKind.equals("MessageHeader") && subject != null) {
        throw new EdXmlException(
            "MessageHeader có cả Subject và StatusCode: không rõ là văn bản hay trạng thái");
      }
      if (!encoded.isEmpty() || !references.isEmpty()) {
        throw new EdXmlException("gói trạng thái không được có tệp đính kèm (Attachment)");
      }
      if (responseFor.size() > 1) {
        throw new EdXmlException("phần tử ResponseFor xuất hiện nhiều lần");
      }
      return new EdXmlStatus(
          responseFor.isEmpty() ? null : responseFor.get(0),
          from,
          statusCode,
          description,
          timestamp,
          staffInfo);
    }
    return new EdXmlDocument(
        from,
        to,
        code,
        promulgationInfo,
        documentType,
        subject,
        content,
        signerInfo,
        dueDate,
        toPlaces,
        otherInfo,
        responseFor,
        steeringType,
        documentId,
        traceHeaders,
        business,
        attachments());
  }

  private List<Attachment> attachments() {
    List<Attachment> attachments = new ArrayList<>(encoded.size());
    Set<String> found = new HashSet<>();
    for (Encoded e : encoded) {
      String id;
      try {
        id = Attachment.contentId(e.contentId());
      } catch (EdXmlException x) {
        throw x.within("Attachment");
      }
      found.add(id);
      Reference r = references.getOrDefault(id, new Reference(null, null, null));
      try {
        attachments.add(
            new Attachment(
                id,
                e.name() != null ? e.name() : r.name(),
                e.contentType() != null ? e.contentType() : r.contentType(),
                e.description() != null ? e.description() : r.description(),
                e.file()));
      } catch (EdXmlException x) {
        throw x.within("Attachment " + id);
      }
    }
    for (String id : references.keySet()) {
      if (!found.contains(id)) {
        throw new EdXmlException(
            "tệp đính kèm cid:"
                + id
                + " có trong edXMLManifest nhưng không có trong"
                + " AttachmentEncoded");
      }
    }
    return attachments;
  }

  // ---------------------------------------------------------------- events

  /** The next event, with the checks every event gets: no DTD, no entity reference, the depth. */
  private int next() {
    int event;
    try {
      event = xml.next();
    } catch (XMLStreamException | RuntimeException e) {
      // The JDK's parser also fails with runtime exceptions on some malformed input: every
      // failure of the parser is a malformed package (our own failures do not pass here).
      throw malformed(e);
    }
    switch (event) {
      case XMLStreamConstants.DTD ->
          throw new EdXmlException(
              "gói có khai báo DTD (<!DOCTYPE …>), điều mà edXML không dùng và không được chấp nhận");
      case XMLStreamConstants.ENTITY_REFERENCE ->
          throw new EdXmlException(
              "gói có tham chiếu thực thể &" + xml.getLocalName() + "; không được chấp nhận");
      case XMLStreamConstants.START_ELEMENT -> {
        depth++;
        if (depth > limits.maxDepth()) {
          throw new EdXmlLimitException(
              Limit.DEPTH,
              limits.maxDepth(),
              "các phần tử lồng nhau sâu quá " + limits.maxDepth() + " mức");
        }
      }
      case XMLStreamConstants.END_ELEMENT -> depth--;
      default -> {}
    }
    return event;
  }

  /**
   * Moves to the next child element of the current one; false at the current one's end. Text
   * between children is ignored.
   */
  private boolean nextChild() {
    while (true) {
      switch (next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          return true;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          return false;
        }
        case XMLStreamConstants.END_DOCUMENT -> throw new EdXmlException("gói kết thúc giữa chừng");
        default -> {}
      }
    }
  }

  /**
   * The local name of the current element if it is edXML's (its namespace or none), else "" so that
   * the caller skips it.
   */
  private String nameOrSkip() {
    String n = name();
    return n == null ? "" : n;
  }

  private String name() {
    String ns = xml.getNamespaceURI();
    if (ns == null || ns.isEmpty() || ns.equals(EdXmlPackage.NAMESPACE)) {
      return xml.getLocalName();
    }
    return null;
  }

  private String qualifiedName() {
    String prefix = xml.getPrefix();
    String local = xml.getLocalName();
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  /** Skips the current element with all it holds (the depth limit still applies). */
  private void skip() {
    int level = 1;
    while (level > 0) {
      switch (next()) {
        case XMLStreamConstants.START_ELEMENT -> level++;
        case XMLStreamConstants.END_ELEMENT -> level--;
        case XMLStreamConstants.END_DOCUMENT -> throw new EdXmlException("gói kết thúc giữa chừng");
        default -> {}
      }
    }
  }

  /** The text of the current element, stripped; null when empty. An element inside is refused. */
  private String text(String element) {
    StringBuilder text = new StringBuilder();
    while (true) {
      switch (next()) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          int length = xml.getTextLength();
          if (text.length() + (long) length > limits.maxTextLength()) {
            throw new EdXmlLimitException(
                Limit.TEXT_LENGTH,
                limits.maxTextLength(),
                "phần tử " + element + " dài quá " + limits.maxTextLength() + " ký tự");
          }
          text.append(xml.getTextCharacters(), xml.getTextStart(), length);
        }
        case XMLStreamConstants.START_ELEMENT ->
            throw new EdXmlException(
                "phần tử " + element + " chỉ chứa văn bản, không chứa phần tử " + qualifiedName());
        case XMLStreamConstants.END_ELEMENT -> {
          String stripped = text.toString().strip();
          return stripped.isEmpty() ? null : keep(stripped, element);
        }
        default -> {}
      }
    }
  }

  /** Counts text kept against the header's limit. */
  private String keep(String text, String element) {
    if (text.length() > limits.maxTextLength()) {
      throw new EdXmlLimitException(
          Limit.TEXT_LENGTH,
          limits.maxTextLength(),
          "phần tử " + element + " dài quá " + limits.maxTextLength() + " ký tự");
    }
    headerText += text.length();
    if (headerText > limits.maxHeaderText()) {
      throw new EdXmlLimitException(
          Limit.HEADER_TEXT,
          limits.maxHeaderText(),
          "văn bản của phần đầu gói dài quá " + limits.maxHeaderText() + " ký tự");
    }
    return text;
  }

  private String onceText(Set<String> here, String element) {
    once(here, element);
    return text(element);
  }

  private LocalDate date(Set<String> here, String element) {
    String text = onceText(here, element);
    return text == null ? null : EdXmlDates.parseDate(text, element);
  }

  private int integer(String element) {
    Integer value = optionalInteger(element);
    if (value == null) {
      throw EdXmlException.missing(element);
    }
    return value;
  }

  private Integer optionalInteger(String element) {
    String text = text(element);
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      String shown = text.length() > 20 ? text.substring(0, 20) + "…" : text;
      throw new EdXmlException("phần tử " + element + " phải là số, không phải \"" + shown + "\"");
    }
  }

  private void once(Set<String> here, String element) {
    if (!here.add(element)) {
      throw new EdXmlException("phần tử " + element + " xuất hiện hai lần");
    }
  }

  private void count(int sizeSoFar, int max, Limit limit, String element) {
    if (sizeSoFar >= max) {
      throw new EdXmlLimitException(limit, max, "quá " + max + " phần tử " + element);
    }
  }

  private RuntimeException malformed(Exception e) {
    if (input.exceeded()) {
      return new EdXmlLimitException(
          Limit.TOTAL_BYTES,
          limits.maxTotalBytes(),
          "gói lớn quá " + limits.maxTotalBytes() + " byte");
    }
    if (input.failure() != null) {
      return new InputFailed(input.failure());
    }
    if (text != null && text.malformed()) {
      return new EdXmlException("gói không phải văn bản UTF-8 hợp lệ", e);
    }
    if (input.ended()) {
      return new EdXmlException("gói kết thúc giữa chừng (XML không trọn vẹn)", e);
    }
    Location at = e instanceof XMLStreamException x ? x.getLocation() : null;
    String where =
        at == null || at.getLineNumber() < 0
            ? ""
            : " ở dòng " + at.getLineNumber() + ", cột " + at.getColumnNumber();
    return new EdXmlException("XML sai cú pháp" + where, e);
  }

  void deleteFiles() {
    for (Path f : files) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException | RuntimeException e) {
        // nothing more to do; the directory is the caller's temporary one
      }
    }
  }

  void close() {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // the parser holds nothing that outlives it
      }
    }
  }
}
