package vn.lienthong.infrastructure.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.infrastructure.edxml.EdXmlReader.Limit;
import vn.lienthong.infrastructure.edxml.EdXmlReader.Limits;

/**
 * Each limit: a package just within it is read, one just past it is refused with an {@link
 * EdXmlLimitException} that names it, and no temporary file is left.
 */
class EdXmlLimitsTest {
  @TempDir Path sources;
  @TempDir Path received;

  private EdXmlDocument document;
  private byte[] bytes;

  @BeforeEach
  void writeTheSample() throws IOException {
    document = EdXmlSamples.document(sources, 10_000, 20_000);
    bytes = EdXmlSamples.write(document);
  }

  @Test
  void totalBytes() throws IOException {
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxTotalBytes(bytes.length),
        Limits.DEFAULTS.withMaxTotalBytes(bytes.length - 1),
        bytes,
        Limit.TOTAL_BYTES);
    // past the limit in the middle of the first attachment
    assertPast(Limits.DEFAULTS.withMaxTotalBytes(bytes.length / 2), bytes, Limit.TOTAL_BYTES);
  }

  @Test
  void depth() throws IOException {
    // edXML > edXMLEnvelope > edXMLHeader > MessageHeader > OtherInfo > Appendixes > Appendix
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxDepth(7), Limits.DEFAULTS.withMaxDepth(6), bytes, Limit.DEPTH);
    String deep = "<edXML:X>".repeat(40) + "</edXML:X>".repeat(40) + "<edXML:Subject>";
    assertPast(Limits.DEFAULTS, replaceFirst("<edXML:Subject>", deep), Limit.DEPTH);
  }

  @Test
  void textOfOneElement() throws IOException {
    int longest = texts(document).stream().mapToInt(String::length).max().orElseThrow();
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxTextLength(longest),
        Limits.DEFAULTS.withMaxTextLength(longest - 1),
        bytes,
        Limit.TEXT_LENGTH);
    String huge = "<edXML:Subject>" + "Việt ".repeat(10_000);
    assertThatThrownBy(
            () ->
                new EdXmlReader()
                    .read(EdXmlSamples.in(replaceFirst("<edXML:Subject>", huge)), received))
        .isInstanceOf(EdXmlLimitException.class)
        .hasMessage(
            "Gói edXML vượt giới hạn: phần tử Subject dài quá 32768 ký tự (giới hạn maxTextLength"
                + " = 32768).");
  }

  @Test
  void textOfTheWholeHeader() throws IOException {
    int kept = texts(document).stream().mapToInt(String::length).sum();
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxHeaderText(kept),
        Limits.DEFAULTS.withMaxHeaderText(kept - 1),
        bytes,
        Limit.HEADER_TEXT);
  }

  @Test
  void attachments() throws IOException {
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxAttachments(2),
        Limits.DEFAULTS.withMaxAttachments(1),
        bytes,
        Limit.ATTACHMENTS);
  }

  @Test
  void bytesOfOneAttachment() throws IOException {
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxAttachmentBytes(20_000),
        Limits.DEFAULTS.withMaxAttachmentBytes(19_999),
        bytes,
        Limit.ATTACHMENT_BYTES);
  }

  @Test
  void recipients() throws IOException {
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxRecipients(2),
        Limits.DEFAULTS.withMaxRecipients(1),
        bytes,
        Limit.RECIPIENTS);
  }

  @Test
  void traceHeaders() throws IOException {
    String trace = text().substring(text().indexOf("<edXML:TraceHeader>"));
    trace = trace.substring(0, trace.indexOf("</edXML:TraceHeader>") + 20);
    byte[] three = replaceFirst("<edXML:TraceHeader>", trace + trace + "<edXML:TraceHeader>");
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxTraceHeaders(3),
        Limits.DEFAULTS.withMaxTraceHeaders(2),
        three,
        Limit.TRACE_HEADERS);
  }

  @Test
  void entriesOfTheOtherLists() throws IOException {
    assertWithinThenPast(
        Limits.DEFAULTS.withMaxListEntries(2),
        Limits.DEFAULTS.withMaxListEntries(1),
        bytes,
        Limit.LIST_ENTRIES);
    byte[] places =
        replaceFirst(
            "<edXML:ToPlaces>",
            "<edXML:ToPlaces>"
                + String.join(
                    "", Collections.nCopies(1001, "<edXML:Place>Nơi nhận</edXML:Place>")));
    assertPast(Limits.DEFAULTS, places, Limit.LIST_ENTRIES);
  }

  @Test
  void aLimitMustBePositive() {
    assertThatThrownBy(() -> Limits.DEFAULTS.withMaxDepth(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Limits.DEFAULTS.withMaxTotalBytes(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDefaultsReadAThreeMegabyteAttachment() throws IOException {
    EdXmlDocument large = EdXmlSamples.document(sources, 3 << 20);
    EdXmlDocument read = read(Limits.DEFAULTS, EdXmlSamples.write(large));

    assertThat(EdXmlSamples.sha256(read.attachments().get(0).file()))
        .isEqualTo(EdXmlSamples.sha256(large.attachments().get(0).file()));
    read.deleteAttachmentFiles();
  }

  private void assertWithinThenPast(Limits within, Limits past, byte[] input, Limit limit)
      throws IOException {
    read(within, input).deleteAttachmentFiles();
    assertThat(EdXmlSamples.files(received)).isEmpty();
    assertPast(past, input, limit);
  }

  private void assertPast(Limits limits, byte[] input, Limit limit) throws IOException {
    assertThatThrownBy(() -> read(limits, input))
        .isInstanceOfSatisfying(
            EdXmlLimitException.class,
            e -> {
              assertThat(e.limit()).isEqualTo(limit);
              assertThat(e.getMessage())
                  .startsWith("Gói edXML vượt giới hạn: ")
                  .contains("(giới hạn " + limit.componentName() + " = ");
            });
    assertThat(EdXmlSamples.files(received)).isEmpty();
  }

  private EdXmlDocument read(Limits limits, byte[] input) throws IOException {
    return new EdXmlReader(limits).readDocument(EdXmlSamples.in(input), received);
  }

  private String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private byte[] replaceFirst(String literal, String replacement) {
    String xml = text();
    int at = xml.indexOf(literal);
    return (xml.substring(0, at) + replacement + xml.substring(at + literal.length()))
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The texts the reader keeps of this document's header, as written. */
  private static List<String> texts(EdXmlDocument d) {
    List<String> texts = new ArrayList<>();
    UnaryOperator<String> add =
        t -> {
          if (t != null) {
            texts.add(t);
          }
          return t;
        };
    for (EdXmlPackage.Organ o : concat(d.from(), d.to())) {
      add.apply(o.organId());
      add.apply(o.organizationInCharge());
      add.apply(o.organName());
      add.apply(o.organAdd());
      add.apply(o.email());
      add.apply(o.telephone());
    }
    add.apply(d.code().codeNumber());
    add.apply(d.code().codeNotation());
    add.apply(d.promulgationInfo().place());
    add.apply(EdXmlDates.formatDate(d.promulgationInfo().promulgationDate()));
    add.apply(String.valueOf(d.documentType().type()));
    add.apply(d.documentType().typeName());
    add.apply(d.subject());
    add.apply(d.content());
    add.apply(d.signerInfo().competence());
    add.apply(d.signerInfo().position());
    add.apply(d.signerInfo().fullName());
    add.apply(EdXmlDates.formatDate(d.dueDate()));
    d.toPlaces().forEach(add::apply);
    add.apply(String.valueOf(d.otherInfo().priority().code()));
    add.apply(d.otherInfo().sphereOfPromulgation());
    add.apply(d.otherInfo().typerNotation());
    add.apply(String.valueOf(d.otherInfo().promulgationAmount()));
    add.apply(String.valueOf(d.otherInfo().pageAmount()));
    d.otherInfo().appendixes().forEach(add::apply);
    for (EdXmlPackage.ResponseFor r : d.responseFor()) {
      add.apply(r.organId());
      add.apply(r.code());
      add.apply(EdXmlDates.formatDate(r.promulgationDate()));
      add.apply(r.documentId());
    }
    add.apply(String.valueOf(d.steeringType().code()));
    add.apply(d.documentId());
    for (EdXmlDocument.TraceHeader t : d.traceHeaders()) {
      add.apply(t.organId());
      add.apply(EdXmlDates.formatTimestamp(t.timestamp()));
    }
    add.apply(String.valueOf(d.business().docType().code()));
    add.apply(d.business().docReason());
    add.apply(d.business().paper() ? "1" : "0");
    for (EdXmlDocument.Attachment a : d.attachments()) {
      add.apply("cid:" + a.contentId()); // the manifest's
      add.apply(a.contentType());
      add.apply(a.name());
      add.apply(a.description());
      add.apply(a.contentId()); // the attachment's
      add.apply(a.name());
      add.apply(a.description());
      add.apply(a.contentType());
    }
    return texts;
  }

  private static List<EdXmlPackage.Organ> concat(
      EdXmlPackage.Organ first, List<EdXmlPackage.Organ> rest) {
    List<EdXmlPackage.Organ> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }
}
