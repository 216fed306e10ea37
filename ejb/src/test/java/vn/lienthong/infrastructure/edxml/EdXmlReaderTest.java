package vn.lienthong.infrastructure.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.BusinessDocType;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Priority;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.SteeringType;

class EdXmlReaderTest {
  @TempDir Path sources;
  @TempDir Path received;

  private final EdXmlReader reader = new EdXmlReader();
  private EdXmlDocument document;
  private String xml;

  @BeforeEach
  void writeTheSample() throws IOException {
    document = EdXmlSamples.document(sources, 300, 301);
    xml = new String(EdXmlSamples.write(document), StandardCharsets.UTF_8);
  }

  @Test
  void theHandWrittenSampleIsRead() throws IOException {
    EdXmlDocument read =
        reader.readDocument(
            EdXmlSamples.in(EdXmlSamples.resource("sample-document.edxml")), received);

    assertThat(read.from().organId()).isEqualTo("000.00.31.H17");
    assertThat(read.from().organizationInCharge()).isEqualTo("Ủy ban nhân dân thành phố Đà Nẵng");
    assertThat(read.from().organName()).isEqualTo("Ủy ban nhân dân xã Thạc Gián");
    assertThat(read.from().telephone()).isEqualTo("0236 3821 000");
    assertThat(read.to())
        .containsExactly(
            new EdXmlPackage.Organ("000.00.01.H17", "Ủy ban nhân dân thành phố Đà Nẵng"),
            new EdXmlPackage.Organ("000.00.12.H17", "Sở Nội vụ thành phố Đà Nẵng"));
    assertThat(read.code()).isEqualTo(new EdXmlDocument.Code("05", "QĐ-UBND"));
    assertThat(read.promulgationInfo())
        .isEqualTo(new EdXmlDocument.PromulgationInfo("Thạc Gián", LocalDate.of(2026, 12, 2)));
    assertThat(read.documentType()).isEqualTo(new EdXmlDocument.DocumentType(1, "Quyết định"));
    assertThat(read.subject())
        .isEqualTo("Về việc giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội năm 2026");
    assertThat(read.content())
        .isEqualTo("Giao chỉ tiêu cho các thôn & tổ dân phố; báo cáo trước ngày 15/12.");
    assertThat(read.signerInfo())
        .isEqualTo(
            new EdXmlDocument.SignerInfo("TM. Ủy ban nhân dân", "Chủ tịch", "Nguyễn Văn An"));
    assertThat(read.dueDate()).isEqualTo(LocalDate.of(2026, 12, 15));
    assertThat(read.toPlaces()).containsExactly("Như Điều 3", "Lưu: VT, VP.");
    assertThat(read.otherInfo())
        .isEqualTo(
            new EdXmlDocument.OtherInfo(
                Priority.URGENT,
                "Lưu hành nội bộ",
                "TVC",
                3,
                2,
                List.of("Phụ lục I: Chỉ tiêu theo thôn")));
    assertThat(read.responseFor()).isEmpty();
    assertThat(read.steeringType()).isEqualTo(SteeringType.NONE);
    assertThat(read.documentId()).isEqualTo("000.00.31.H17,2026/12/02,05/QĐ-UBND");
    assertThat(read.traceHeaders())
        .containsExactly(
            new EdXmlDocument.TraceHeader("000.00.31.H17", Instant.parse("2026-12-02T02:15:30Z")));
    assertThat(read.business())
        .isEqualTo(new EdXmlDocument.Business(BusinessDocType.NEW, "Văn bản điện tử mới", false));

    assertThat(read.attachments()).hasSize(2);
    EdXmlDocument.Attachment text = read.attachments().get(0);
    assertThat(text.contentId()).isEqualTo("7d5c1b2e-4a61-4c1f-9a3e-2f0e6a1c9b01");
    assertThat(text.name()).isEqualTo("05-QĐ-UBND.txt");
    assertThat(text.contentType()).isEqualTo("text/plain");
    assertThat(text.description()).isEqualTo("Quyết định");
    assertThat(Files.readString(text.file()))
        .isEqualTo("Ủy ban nhân dân xã Thạc Gián\nQuyết định về việc giao chỉ tiêu năm 2026.\n");
    EdXmlDocument.Attachment binary = read.attachments().get(1);
    assertThat(binary.name()).isEqualTo("Phụ lục I.bin");
    // not in its Attachment: taken from the manifest's Reference
    assertThat(binary.description()).isEqualTo("Phụ lục I");
    assertThat(EdXmlSamples.sha256(binary.file()))
        .isEqualTo("110009dcee21620b166f3abfecb5eff7a873be729d1c2d53822e7acc5f34eb9b");
  }

  @Test
  void theSampleStatusesAreRead() throws IOException {
    EdXmlStatus status =
        reader.readStatus(EdXmlSamples.in(EdXmlSamples.resource("sample-status.edxml")));

    assertThat(status.statusCode()).isEqualTo(EdXmlStatus.StatusCode.REGISTERED);
    assertThat(status.responseFor())
        .isEqualTo(
            new EdXmlPackage.ResponseFor(
                "000.00.31.H17",
                "05/QĐ-UBND",
                LocalDate.of(2026, 12, 2),
                "000.00.31.H17,2026/12/02,05/QĐ-UBND"));
    assertThat(status.from())
        .isEqualTo(new EdXmlPackage.Organ("000.00.12.H17", "Sở Nội vụ thành phố Đà Nẵng"));
    assertThat(status.description()).isEqualTo("Đã tiếp nhận, vào sổ văn bản đến số 1234");
    assertThat(status.timestamp()).isEqualTo(Instant.parse("2026-12-02T03:05:00Z"));
    assertThat(status.staffInfo())
        .isEqualTo(
            new EdXmlPackage.StaffInfo(
                "Văn phòng Sở", "Lê Thị Cúc", null, "vanthu.snv@danang.gov.vn"));

    EdXmlStatus bkav =
        reader.readStatus(EdXmlSamples.in(EdXmlSamples.resource("sample-status-bkav.edxml")));

    assertThat(bkav.statusCode()).isEqualTo(EdXmlStatus.StatusCode.ARRIVED);
    assertThat(bkav.responseFor().promulgationDate()).isEqualTo(LocalDate.of(2026, 12, 2));
    assertThat(bkav.timestamp()).isEqualTo(Instant.parse("2026-12-02T02:20:00Z"));
    assertThat(bkav.staffInfo()).isNull();
    assertThat(bkav.from().organizationInCharge()).isNull();
  }

  @Test
  void anEnvelopeWithoutTheEdXmlRootIsRead() throws IOException {
    String envelope =
        xml.substring(xml.indexOf("<edXML:edXMLEnvelope"), xml.indexOf("<AttachmentEncoded>"))
            .replaceAll("<edXML:Reference>(?s:.*?)</edXML:Reference>", "");
    EdXmlDocument read = reader.readDocument(EdXmlSamples.in(envelope), received);

    assertThat(read.subject()).isEqualTo(document.subject());
    assertThat(read.attachments()).isEmpty();
  }

  static Stream<Arguments> missing() {
    return Stream.of(
        Arguments.of("<edXML:Subject>[^<]*</edXML:Subject>", "thiếu phần tử Subject"),
        Arguments.of(
            "(</edXML:SteeringType>\\s*)<edXML:DocumentId>[^<]*</edXML:DocumentId>",
            "thiếu phần tử DocumentId"),
        Arguments.of("<edXML:From>(?s:.*?)</edXML:From>", "thiếu phần tử From"),
        Arguments.of(
            "<edXML:To>(?s:.*?)</edXML:To>\\s*<edXML:To>(?s:.*?)</edXML:To>", "thiếu phần tử To"),
        Arguments.of(
            "(<edXML:To>\\s*)<edXML:OrganId>[^<]*</edXML:OrganId>",
            "thiếu phần tử OrganId trong To"),
        Arguments.of(
            "<edXML:FullName>[^<]*</edXML:FullName>", "thiếu phần tử FullName trong SignerInfo"),
        Arguments.of(
            "<edXML:Priority>[^<]*</edXML:Priority>", "thiếu phần tử Priority trong OtherInfo"),
        Arguments.of(
            "<edXML:CodeNotation>[^<]*</edXML:CodeNotation>",
            "thiếu phần tử CodeNotation trong Code"),
        Arguments.of(
            "<edXML:SteeringType>[^<]*</edXML:SteeringType>", "thiếu phần tử SteeringType"),
        Arguments.of(
            "(<edXML:TraceHeader>\\s*<edXML:OrganId>[^<]*</edXML:OrganId>\\s*)<edXML:Timestamp>[^<]*</edXML:Timestamp>",
            "thiếu phần tử Timestamp trong TraceHeader"),
        Arguments.of(
            "<edXML:MessageHeader>(?s:.*)</edXML:MessageHeader>", "thiếu phần tử MessageHeader"),
        Arguments.of(
            "(<Attachment>\\s*)<ContentId>[^<]*</ContentId>",
            "thiếu phần tử ContentId trong Attachment"),
        Arguments.of(
            "<ContentTransferEncoded>[^<]*</ContentTransferEncoded>",
            "thiếu phần tử ContentTransferEncoded trong Attachment"));
  }

  @ParameterizedTest
  @MethodSource
  void missing(String removed, String problem) throws IOException {
    // keeps group 1 when there is one: what must stay before the removed element
    String changed =
        Pattern.compile(removed)
            .matcher(xml)
            .replaceFirst(m -> m.groupCount() > 0 ? Matcher.quoteReplacement(m.group(1)) : "");
    assertThat(changed).isNotEqualTo(xml);

    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(changed), received))
        .isExactlyInstanceOf(EdXmlException.class)
        .hasMessage("Gói edXML không hợp lệ: " + problem + ".");
    assertThat(EdXmlSamples.files(received)).isEmpty();
  }

  @Test
  void aStatusWithoutItsTimestampNamesIt() {
    String status =
        new String(
                EdXmlSamples.write(EdXmlSamples.status(EdXmlStatus.StatusCode.DONE)),
                StandardCharsets.UTF_8)
            .replaceFirst("<edXML:Timestamp>[^<]*</edXML:Timestamp>", "");

    assertThatThrownBy(() -> reader.readStatus(EdXmlSamples.in(status)))
        .hasMessage("Gói edXML không hợp lệ: thiếu phần tử Timestamp.");
  }

  @Test
  void unknownElementsAreSkippedWhereverTheyAre() throws IOException {
    String changed =
        xml.replace(
                "<edXML:Subject>",
                "<edXML:Unknown a=\"1\"><edXML:Deeper><edXML:Subject>không phải</edXML:Subject>"
                    + "</edXML:Deeper>chữ</edXML:Unknown>"
                    + "<other:Subject xmlns:other=\"urn:other\">cũng không phải</other:Subject>"
                    + "<!-- chú thích --><?pi giữa?><edXML:Subject>")
            .replace("<edXML:CodeNumber>", "<edXML:Extra/><edXML:CodeNumber>")
            .replace(
                "</edXML:TraceHeaderList>",
                "</edXML:TraceHeaderList><edXML:DigitalSignature/>"
                    + "<ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
                    + "<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature>")
            .replace("<AttachmentEncoded>", "<Ignored>x</Ignored><AttachmentEncoded>");

    EdXmlDocument read = reader.readDocument(EdXmlSamples.in(changed), received);

    assertThat(read)
        .usingRecursiveComparison()
        .ignoringFields("attachments.file")
        .isEqualTo(document);
  }

  @Test
  void anElementGivenTwiceIsRefusedNotChosenFrom() {
    String changed =
        xml.replaceFirst(
            "(<edXML:Subject>[^<]*</edXML:Subject>)", "$1<edXML:Subject>Khác</edXML:Subject>");

    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(changed), received))
        .hasMessage("Gói edXML không hợp lệ: phần tử Subject xuất hiện hai lần.");
    String header =
        xml.substring(
            xml.indexOf("<edXML:MessageHeader>"),
            xml.indexOf("</edXML:MessageHeader>") + "</edXML:MessageHeader>".length());
    String twice = xml.replace(header, header + header);
    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(twice), received))
        .hasMessage("Gói edXML không hợp lệ: phần tử MessageHeader xuất hiện hai lần.");
    String status =
        xml.replace(
            header,
            header + "<edXML:Status><edXML:StatusCode>01</edXML:StatusCode></edXML:Status>");
    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(status), received))
        .hasMessage(
            "Gói edXML không hợp lệ: edXMLHeader có cả MessageHeader và Status, chỉ được có một.");
  }

  @Test
  void anElementInsideATextElementIsRefused() {
    String changed = xml.replaceFirst("<edXML:Subject>", "<edXML:Subject><b>đậm</b>");

    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(changed), received))
        .hasMessageContaining("phần tử Subject chỉ chứa văn bản, không chứa phần tử b");
  }

  @Test
  void anotherRootIsRefused() {
    assertThatThrownBy(() -> reader.read(EdXmlSamples.in("<edXML xmlns=\"urn:other\"/>"), received))
        .hasMessageContaining("phần tử gốc phải là edXML");
    assertThatThrownBy(
            () ->
                reader.read(
                    EdXmlSamples.in(
                        "<soap:Envelope"
                            + " xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"/>"),
                    received))
        .hasMessageContaining("không phải soap:Envelope");
  }

  @Test
  void aStatusIsNotADocumentNorTheOtherWayRound() throws IOException {
    byte[] status = EdXmlSamples.write(EdXmlSamples.status(EdXmlStatus.StatusCode.ARRIVED));

    assertThatThrownBy(() -> reader.readDocument(EdXmlSamples.in(status), received))
        .hasMessageContaining("gói trạng thái (Status), không phải gói văn bản");
    assertThatThrownBy(() -> reader.readStatus(EdXmlSamples.in(xml)))
        .hasMessageContaining("gói trạng thái không được có tệp đính kèm");
    String withoutAttachments = xml.substring(0, xml.indexOf("<AttachmentEncoded>")) + "</edXML>";
    assertThatThrownBy(
            () ->
                reader.readStatus(
                    EdXmlSamples.in(
                        withoutAttachments.replaceAll(
                            "<edXML:Reference>(?s:.*?)</edXML:Reference>", ""))))
        .hasMessageContaining("gói văn bản, không phải gói trạng thái");
    String both =
        xml.replaceFirst(
            "</edXML:Subject>", "</edXML:Subject><edXML:StatusCode>01</edXML:StatusCode>");
    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(both), received))
        .hasMessageContaining("không rõ là văn bản hay trạng thái");
    assertThat(EdXmlSamples.files(received)).isEmpty();
  }

  @Test
  void badValuesAreNamed() {
    assertThatThrownBy(
            () ->
                reader.read(
                    EdXmlSamples.in(xml.replaceFirst("<edXML:Priority>2<", "<edXML:Priority>7<")),
                    received))
        .hasMessage("Gói edXML không hợp lệ: phần tử Priority phải từ 0 đến 4, không phải 7.");
    assertThatThrownBy(
            () ->
                reader.read(
                    EdXmlSamples.in(xml.replaceFirst("<edXML:Type>1<", "<edXML:Type>công văn<")),
                    received))
        .hasMessage("Gói edXML không hợp lệ: phần tử Type phải là số, không phải \"công văn\".");
    assertThatThrownBy(
            () -> reader.read(EdXmlSamples.in(xml.replace("2026/12/15", "2026/13/15")), received))
        .hasMessageContaining("phần tử DueDate phải là ngày dạng yyyy/MM/dd");
    assertThatThrownBy(
            () ->
                reader.read(
                    EdXmlSamples.in(xml.replace("2026/12/02 09:15:30", "hôm qua")), received))
        .hasMessageContaining("phần tử Timestamp phải là thời điểm dạng yyyy/MM/dd HH:mm:ss");
  }

  @Test
  void theDateFormsOfTheImplementationsAreRead() throws IOException {
    String changed =
        xml.replace("<edXML:DueDate>2026/12/15<", "<edXML:DueDate>15/12/2026<")
            .replace("<edXML:PromulgationDate>2026/12/02<", "<edXML:PromulgationDate>2026-12-02<")
            .replace("2026/12/02 09:15:30", "2026-12-02T02:15:30Z");

    EdXmlDocument read = reader.readDocument(EdXmlSamples.in(changed), received);

    assertThat(read.dueDate()).isEqualTo(document.dueDate());
    assertThat(read.promulgationInfo()).isEqualTo(document.promulgationInfo());
    assertThat(read.traceHeaders()).isEqualTo(document.traceHeaders());
  }

  @Test
  void badBase64IsRefusedAndTheFilesAlreadyWrittenAreDeleted() throws IOException {
    int second = xml.lastIndexOf("<ContentTransferEncoded>") + "<ContentTransferEncoded>".length();
    for (String bad : List.of("*", "é", "AAAA=AAA", "A", "AA==AAAA")) {
      String changed = xml.substring(0, second) + bad + xml.substring(second);

      assertThatThrownBy(() -> reader.read(EdXmlSamples.in(changed), received))
          .as(bad)
          .hasMessage(
              "Gói edXML không hợp lệ: phần tử ContentTransferEncoded không phải base64 hợp lệ.");
      assertThat(EdXmlSamples.files(received)).isEmpty();
    }
  }

  @Test
  void aManifestEntryWithoutItsAttachmentIsRefused() {
    String changed = xml.replaceFirst("<Attachment>(?s:.*?)</Attachment>", "");

    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(changed), received))
        .hasMessageContaining(
            "tệp đính kèm cid:a0-7d5c1b2e-4a61-4c1f có trong edXMLManifest nhưng không có trong"
                + " AttachmentEncoded");
  }

  @Test
  void aTruncatedPackageIsRefusedAtEveryCutAndLeavesNoFile() throws IOException {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    for (int cut = 0; cut < bytes.length - 10; cut += 37) {
      byte[] truncated = java.util.Arrays.copyOf(bytes, cut);

      assertThatThrownBy(() -> reader.read(EdXmlSamples.in(truncated), received))
          .as("cut at %d", cut)
          .isExactlyInstanceOf(EdXmlException.class);
      assertThat(EdXmlSamples.files(received)).isEmpty();
    }
    byte[] inTheSecondAttachment =
        java.util.Arrays.copyOf(bytes, xml.lastIndexOf("</ContentTransferEncoded>") - 10);
    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(inTheSecondAttachment), received))
        .hasMessageContaining("kết thúc giữa chừng");
  }

  @Test
  void aFailingStreamIsAnIOExceptionAndLeavesNoFile() {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    int failAt = xml.lastIndexOf("</ContentTransferEncoded>") - 10;
    IOException network = new IOException("kết nối bị ngắt");
    InputStream failing =
        new FilterInputStream(EdXmlSamples.in(bytes)) {
          private int position;

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (position >= failAt) {
              throw network;
            }
            int n = super.read(b, off, Math.min(len, failAt - position));
            position += Math.max(n, 0);
            return n;
          }
        };

    assertThatThrownBy(() -> reader.read(failing, received)).isSameAs(network);
    assertThat(received).isEmptyDirectory();
  }

  @Test
  void referencesAndCharacterReferencesAreText() throws IOException {
    String changed =
        xml.replaceFirst(
            "<edXML:Subject>[^<]*</edXML:Subject>",
            "<edXML:Subject>V&#7873; vi&#x1EC7;c &amp; &lt;x&gt; &quot;y&quot; &apos;z&apos;"
                + "</edXML:Subject>");

    assertThat(reader.readDocument(EdXmlSamples.in(changed), received).subject())
        .isEqualTo("Về việc & <x> \"y\" 'z'");
  }
}
