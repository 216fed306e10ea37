package vn.lienthong.infrastructure.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Attachment;

class EdXmlRoundTripTest {
  @TempDir Path sources;
  @TempDir Path received;

  private final EdXmlReader reader = new EdXmlReader();

  @Test
  void aDocumentWithVietnameseTextAndTwoAttachmentsComesBackTheSame() throws IOException {
    // sizes that are not multiples of 3 and cross the writer's and the reader's blocks
    EdXmlDocument sent = EdXmlSamples.document(sources, 300_001, 70_000);

    byte[] bytes = EdXmlSamples.write(sent);
    EdXmlDocument read = reader.readDocument(EdXmlSamples.in(bytes), received);

    assertThat(read).usingRecursiveComparison().ignoringFields("attachments.file").isEqualTo(sent);
    for (int i = 0; i < sent.attachments().size(); i++) {
      Path original = sent.attachments().get(i).file();
      Path copy = read.attachments().get(i).file();
      assertThat(copy.getParent()).isEqualTo(received);
      assertThat(EdXmlSamples.sha256(copy)).isEqualTo(EdXmlSamples.sha256(original));
      assertThat(Files.size(copy)).isEqualTo(Files.size(original));
    }
    String xml = new String(bytes, StandardCharsets.UTF_8);
    assertThat(xml)
        .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        .contains("<edXML:OrganName>Ủy ban nhân dân xã Thạc Gián</edXML:OrganName>")
        .contains("<edXML:PromulgationDate>2026/12/02</edXML:PromulgationDate>")
        .contains("<edXML:Timestamp>2026/12/02 09:15:30</edXML:Timestamp>")
        .contains("<edXML:ContentId>cid:a0-7d5c1b2e-4a61-4c1f</edXML:ContentId>")
        .contains("<ContentId>a0-7d5c1b2e-4a61-4c1f</ContentId>")
        .contains("thôn &amp; tổ dân phố &lt;trước 15/12&gt;");

    read.deleteAttachmentFiles();
    assertThat(EdXmlSamples.files(received)).isEmpty();
  }

  @Test
  void aDocumentWithOnlyWhatIsRequiredComesBackTheSame() throws IOException {
    for (byte[] attachment : List.of(new byte[0], new byte[] {1}, new byte[] {1, 2})) {
      EdXmlDocument sent = EdXmlSamples.minimal(sources, attachment);

      EdXmlDocument read = reader.readDocument(EdXmlSamples.in(EdXmlSamples.write(sent)), received);

      assertThat(read)
          .usingRecursiveComparison()
          .ignoringFields("attachments.file")
          .isEqualTo(sent);
      assertThat(read.attachments().get(0).contentId()).isEqualTo("only");
      assertThat(Files.readAllBytes(read.attachments().get(0).file())).isEqualTo(attachment);
      assertThat(read.content()).isNull();
      assertThat(read.dueDate()).isNull();
      assertThat(read.business()).isNull();
      read.deleteAttachmentFiles();
    }
  }

  @ParameterizedTest
  @EnumSource(EdXmlStatus.StatusCode.class)
  void everyStatusCodeComesBackTheSame(EdXmlStatus.StatusCode code) throws IOException {
    EdXmlStatus sent = EdXmlSamples.status(code);

    byte[] bytes = EdXmlSamples.write(sent);
    EdXmlStatus read = reader.readStatus(EdXmlSamples.in(bytes));

    assertThat(read).isEqualTo(sent);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .contains("<edXML:StatusCode>" + code.code() + "</edXML:StatusCode>")
        .contains("<edXML:Timestamp>2026/12/02 10:05:00</edXML:Timestamp>");
    assertThat(reader.read(EdXmlSamples.in(bytes), received)).isEqualTo(sent);
  }

  @Test
  void aStatusWithoutItsOptionalPartsComesBackTheSame() throws IOException {
    EdXmlStatus full = EdXmlSamples.status(EdXmlStatus.StatusCode.DONE);
    EdXmlStatus sent =
        new EdXmlStatus(
            full.responseFor(),
            full.from(),
            full.statusCode(),
            null,
            full.timestamp(),
            new EdXmlPackage.StaffInfo(" ", null, null, null));

    EdXmlStatus read = reader.readStatus(EdXmlSamples.in(EdXmlSamples.write(sent)));

    assertThat(read).isEqualTo(sent);
    assertThat(read.staffInfo()).isNull();
    assertThat(read.description()).isNull();
  }

  @Test
  void theDocumentHasTheShapeOfTheOfficialSamples() throws Exception {
    byte[] bytes = EdXmlSamples.write(EdXmlSamples.document(sources, 10, 20));

    DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
    dbf.setNamespaceAware(true);
    Document dom = dbf.newDocumentBuilder().parse(EdXmlSamples.in(bytes));

    Element root = dom.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(EdXmlPackage.NAMESPACE);
    assertThat(root.getTagName()).isEqualTo("edXML");
    List<String> children = childNames(root);
    assertThat(children).containsExactly("edXML:edXMLEnvelope", "AttachmentEncoded");
    Element envelope = (Element) root.getElementsByTagName("edXML:edXMLEnvelope").item(0);
    assertThat(childNames(envelope)).containsExactly("edXML:edXMLHeader", "edXML:edXMLBody");
    Element header = (Element) envelope.getElementsByTagName("edXML:edXMLHeader").item(0);
    assertThat(childNames(header)).containsExactly("edXML:MessageHeader", "edXML:TraceHeaderList");
    Element messageHeader = (Element) header.getElementsByTagName("edXML:MessageHeader").item(0);
    assertThat(childNames(messageHeader))
        .containsExactly(
            "edXML:From",
            "edXML:To",
            "edXML:To",
            "edXML:Code",
            "edXML:PromulgationInfo",
            "edXML:DocumentType",
            "edXML:Subject",
            "edXML:Content",
            "edXML:SignerInfo",
            "edXML:DueDate",
            "edXML:ToPlaces",
            "edXML:OtherInfo",
            "edXML:ResponseFor",
            "edXML:SteeringType",
            "edXML:DocumentId");
    Element attachment = (Element) root.getElementsByTagName("Attachment").item(0);
    assertThat(attachment.getNamespaceURI()).isEqualTo(EdXmlPackage.NAMESPACE);
    assertThat(childNames(attachment))
        .containsExactly(
            "ContentId", "AttachmentName", "Description", "ContentType", "ContentTransferEncoded");
    Element manifest = (Element) root.getElementsByTagName("edXML:edXMLManifest").item(0);
    assertThat(manifest.getAttribute("version")).isEqualTo("1.0");
  }

  @Test
  void theSameDocumentIsWrittenToTheSameBytes() throws IOException {
    EdXmlDocument document = EdXmlSamples.document(sources, 1000);

    assertThat(EdXmlSamples.write(document)).isEqualTo(EdXmlSamples.write(document));
  }

  @Test
  void aMissingAttachmentFileIsFoundBeforeAnythingIsWritten() throws IOException {
    EdXmlDocument document = EdXmlSamples.document(sources, 10, 10);
    Files.delete(document.attachments().get(1).file());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> new EdXmlWriter().write(document, out))
        .isInstanceOf(NoSuchFileException.class);
    assertThat(out.size()).isZero();
  }

  @Test
  void aReadDocumentCanBeWrittenAgain() throws IOException {
    EdXmlDocument read =
        reader.readDocument(
            EdXmlSamples.in(EdXmlSamples.write(EdXmlSamples.document(sources, 5000, 7))), received);

    EdXmlDocument again = reader.readDocument(EdXmlSamples.in(EdXmlSamples.write(read)), sources);

    assertThat(again).usingRecursiveComparison().ignoringFields("attachments.file").isEqualTo(read);
    for (int i = 0; i < read.attachments().size(); i++) {
      Attachment a = read.attachments().get(i);
      assertThat(EdXmlSamples.sha256(again.attachments().get(i).file()))
          .isEqualTo(EdXmlSamples.sha256(a.file()));
    }
  }

  private static List<String> childNames(Element parent) {
    List<String> names = new java.util.ArrayList<>();
    for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        names.add(e.getTagName());
      }
    }
    return names;
  }
}
