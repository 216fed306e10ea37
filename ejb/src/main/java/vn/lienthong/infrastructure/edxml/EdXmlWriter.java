package vn.lienthong.infrastructure.edxml;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Attachment;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.OtherInfo;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.Organ;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.ResponseFor;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.StaffInfo;

/**
 * Writes edXML packages in UTF-8 with StAX, as a stream: an attachment goes from its file to the
 * output through a base64 encoder, a block at a time, so its size does not matter to the memory.
 *
 * <p>The shape is that of the official samples and the VNPT library: a root {@code edXML} in the
 * QCVN 102 namespace, then {@code edXML:edXMLEnvelope} with {@code edXMLHeader} ({@code
 * MessageHeader} and {@code TraceHeaderList}, or {@code Status}) and {@code edXMLBody} (the {@code
 * edXMLManifest} of {@code Reference}s, {@code ContentId} as {@code cid:…}); after the envelope,
 * {@code AttachmentEncoded} with one {@code Attachment} per file, its base64 in {@code
 * ContentTransferEncoded}. Absent optional elements are left out; dates and times are written as
 * {@link EdXmlDates} says. Indented with two spaces (whitespace between elements only).
 *
 * <p>Thread-safe; it keeps no state.
 */
public final class EdXmlWriter {
  private static final String PREFIX = "edXML";

  /**
   * Writes a document package with its attachments, read from their files. The stream is flushed,
   * not closed. Every attachment's file is checked to exist before anything is written.
   */
  public void write(EdXmlDocument document, OutputStream out) throws IOException {
    for (Attachment a : document.attachments()) {
      if (!Files.isRegularFile(a.file())) {
        throw new NoSuchFileException(a.file().toString(), null, "attachment " + a.contentId());
      }
    }
    try {
      Xml xml = new Xml(writer(out));
      xml.startRootAndEnvelope();
      xml.open("edXMLHeader");
      messageHeader(xml, document);
      xml.open("TraceHeaderList");
      for (EdXmlDocument.TraceHeader t : document.traceHeaders()) {
        xml.open("TraceHeader");
        xml.leaf("OrganId", t.organId());
        xml.leaf("Timestamp", EdXmlDates.formatTimestamp(t.timestamp()));
        xml.close();
      }
      if (document.business() != null) {
        EdXmlDocument.Business b = document.business();
        xml.open("Bussiness");
        xml.leaf("BussinessDocType", String.valueOf(b.docType().code()));
        xml.leaf("BussinessDocReason", b.docReason());
        xml.leaf("Paper", b.paper() ? "1" : "0");
        xml.close();
      }
      xml.close(); // TraceHeaderList
      xml.close(); // edXMLHeader
      xml.open("edXMLBody");
      xml.open("edXMLManifest");
      xml.writer.writeAttribute("version", "1.0");
      for (Attachment a : document.attachments()) {
        xml.open("Reference");
        xml.leaf("ContentId", "cid:" + a.contentId());
        xml.leaf("ContentType", a.contentType());
        xml.leaf("AttachmentName", a.name());
        xml.leaf("Description", a.description());
        xml.close();
      }
      xml.close(); // edXMLManifest
      xml.close(); // edXMLBody
      xml.close(); // edXMLEnvelope
      if (!document.attachments().isEmpty()) {
        // After the envelope and in the default namespace, as in the official samples.
        xml.prefix = "";
        xml.open("AttachmentEncoded");
        for (Attachment a : document.attachments()) {
          xml.open("Attachment");
          xml.leaf("ContentId", a.contentId());
          xml.leaf("AttachmentName", a.name());
          xml.leaf("Description", a.description());
          xml.leaf("ContentType", a.contentType());
          xml.startLeaf("ContentTransferEncoded");
          base64(xml.writer, a);
          xml.writer.writeEndElement();
          xml.close();
        }
        xml.close();
      }
      xml.end();
    } catch (XMLStreamException e) {
      throw failure(e);
    }
    out.flush();
  }

  /** Writes a status package. The stream is flushed, not closed. */
  public void write(EdXmlStatus status, OutputStream out) throws IOException {
    try {
      Xml xml = new Xml(writer(out));
      xml.startRootAndEnvelope();
      xml.open("edXMLHeader");
      xml.open("Status");
      responseFor(xml, status.responseFor());
      organ(xml, "From", status.from());
      xml.leaf("StatusCode", status.statusCode().code());
      xml.leaf("Description", status.description());
      xml.leaf("Timestamp", EdXmlDates.formatTimestamp(status.timestamp()));
      StaffInfo staff = status.staffInfo();
      if (staff != null) {
        xml.open("StaffInfo");
        xml.leaf("Department", staff.department());
        xml.leaf("Staff", staff.staff());
        xml.leaf("Mobile", staff.mobile());
        xml.leaf("Email", staff.email());
        xml.close();
      }
      xml.close(); // Status
      xml.close(); // edXMLHeader
      xml.close(); // edXMLEnvelope
      xml.end();
    } catch (XMLStreamException e) {
      throw failure(e);
    }
    out.flush();
  }

  /** The elements in the order of the standard's numbering (1.1 From … 1.14 DocumentId). */
  private static void messageHeader(Xml xml, EdXmlDocument d) throws XMLStreamException {
    xml.open("MessageHeader");
    organ(xml, "From", d.from());
    for (Organ to : d.to()) {
      organ(xml, "To", to);
    }
    xml.open("Code");
    xml.leaf("CodeNumber", d.code().codeNumber());
    xml.leaf("CodeNotation", d.code().codeNotation());
    xml.close();
    xml.open("PromulgationInfo");
    xml.leaf("Place", d.promulgationInfo().place());
    xml.leaf("PromulgationDate", EdXmlDates.formatDate(d.promulgationInfo().promulgationDate()));
    xml.close();
    xml.open("DocumentType");
    xml.leaf("Type", String.valueOf(d.documentType().type()));
    xml.leaf("TypeName", d.documentType().typeName());
    xml.close();
    xml.leaf("Subject", d.subject());
    xml.leaf("Content", d.content());
    xml.open("SignerInfo");
    xml.leaf("Competence", d.signerInfo().competence());
    xml.leaf("Position", d.signerInfo().position());
    xml.leaf("FullName", d.signerInfo().fullName());
    xml.close();
    if (d.dueDate() != null) {
      xml.leaf("DueDate", EdXmlDates.formatDate(d.dueDate()));
    }
    xml.open("ToPlaces");
    for (String place : d.toPlaces()) {
      xml.leaf("Place", place);
    }
    xml.close();
    OtherInfo o = d.otherInfo();
    xml.open("OtherInfo");
    xml.leaf("Priority", String.valueOf(o.priority().code()));
    xml.leaf("SphereOfPromulgation", o.sphereOfPromulgation());
    xml.leaf("TyperNotation", o.typerNotation());
    xml.leaf("PromulgationAmount", number(o.promulgationAmount()));
    xml.leaf("PageAmount", number(o.pageAmount()));
    xml.open("Appendixes");
    for (String appendix : o.appendixes()) {
      xml.leaf("Appendix", appendix);
    }
    xml.close();
    xml.close(); // OtherInfo
    for (ResponseFor r : d.responseFor()) {
      responseFor(xml, r);
    }
    xml.leaf("SteeringType", String.valueOf(d.steeringType().code()));
    xml.leaf("DocumentId", d.documentId());
    xml.close();
  }

  private static void organ(Xml xml, String element, Organ organ) throws XMLStreamException {
    xml.open(element);
    xml.leaf("OrganId", organ.organId());
    xml.leaf("OrganizationInCharge", organ.organizationInCharge());
    xml.leaf("OrganName", organ.organName());
    xml.leaf("OrganAdd", organ.organAdd());
    xml.leaf("Email", organ.email());
    xml.leaf("Telephone", organ.telephone());
    xml.close();
  }

  private static void responseFor(Xml xml, ResponseFor r) throws XMLStreamException {
    xml.open("ResponseFor");
    xml.leaf("OrganId", r.organId());
    xml.leaf("Code", r.code());
    xml.leaf("PromulgationDate", EdXmlDates.formatDate(r.promulgationDate()));
    xml.leaf("DocumentId", r.documentId());
    xml.close();
  }

  private static String number(Integer value) {
    return value == null ? null : value.toString();
  }

  /** The file through a base64 encoder into the element's text, a block at a time. */
  private static void base64(XMLStreamWriter writer, Attachment attachment) throws IOException {
    try (InputStream in = Files.newInputStream(attachment.file());
        OutputStream encoder = Base64.getEncoder().wrap(new CharactersOut(writer))) {
      in.transferTo(encoder);
    }
  }

  /**
   * A writer of the JDK's own implementation, from a factory of its own: the factory keeps the last
   * writer it made in a field, so it is not shared between threads.
   */
  private static XMLStreamWriter writer(OutputStream out) throws XMLStreamException {
    return XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
  }

  private static IOException failure(XMLStreamException e) {
    // The JDK's writer wraps the output's IOException; give it back as it was.
    return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
  }

  /** ASCII bytes (the encoder's output) written as element text, 16 KiB at a time. */
  private static final class CharactersOut extends OutputStream {
    private final XMLStreamWriter writer;
    private final char[] buffer = new char[16 * 1024];
    private int used;

    CharactersOut(XMLStreamWriter writer) {
      this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
      if (used == buffer.length) {
        flush();
      }
      buffer[used++] = (char) (b & 0x7F);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (used == buffer.length) {
          flush();
        }
        int n = Math.min(len, buffer.length - used);
        for (int i = 0; i < n; i++) {
          buffer[used + i] = (char) (b[off + i] & 0x7F);
        }
        used += n;
        off += n;
        len -= n;
      }
    }

    @Override
    public void flush() throws IOException {
      if (used > 0) {
        try {
          writer.writeCharacters(buffer, 0, used);
        } catch (XMLStreamException e) {
          throw failure(e);
        }
        used = 0;
      }
    }

    /** Flushes; the XML writer stays open. */
    @Override
    public void close() throws IOException {
      flush();
    }
  }

  /** The XML writer with the prefix in use and the indentation. */
  private static final class Xml {
    final XMLStreamWriter writer;
    String prefix = "";
    private int depth;

    Xml(XMLStreamWriter writer) {
      this.writer = writer;
    }

    void startRootAndEnvelope() throws XMLStreamException {
      writer.writeStartDocument("UTF-8", "1.0");
      writer.writeCharacters("\n");
      writer.writeStartElement("", "edXML", EdXmlPackage.NAMESPACE);
      writer.writeDefaultNamespace(EdXmlPackage.NAMESPACE);
      depth = 1;
      prefix = PREFIX;
      open("edXMLEnvelope");
      writer.writeNamespace(PREFIX, EdXmlPackage.NAMESPACE);
    }

    void open(String element) throws XMLStreamException {
      indent();
      writer.writeStartElement(prefix, element, EdXmlPackage.NAMESPACE);
      depth++;
    }

    void close() throws XMLStreamException {
      depth--;
      indent();
      writer.writeEndElement();
    }

    /** A text element, left out when the text is absent. */
    void leaf(String element, String text) throws XMLStreamException {
      if (text == null) {
        return;
      }
      startLeaf(element);
      writer.writeCharacters(text);
      writer.writeEndElement();
    }

    void startLeaf(String element) throws XMLStreamException {
      indent();
      writer.writeStartElement(prefix, element, EdXmlPackage.NAMESPACE);
    }

    void end() throws XMLStreamException {
      depth = 0;
      writer.writeCharacters("\n");
      writer.writeEndElement(); // edXML
      writer.writeCharacters("\n");
      writer.writeEndDocument();
      writer.flush();
      writer.close();
    }

    private void indent() throws XMLStreamException {
      writer.writeCharacters("\n" + "  ".repeat(depth));
    }
  }
}
