package vn.lienthong.infrastructure.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The XML attacks: DTDs, external entities and DTDs (against a server on the loopback that must see
 * no connection), entity expansion, undeclared entities, XInclude. Each is refused with a clear
 * message, or (XInclude) is an unknown element, never processed.
 */
class EdXmlHardeningTest {
  private static final String DTD_REFUSED =
      "Gói edXML không hợp lệ: gói có khai báo DTD (<!DOCTYPE …>), điều mà edXML không dùng và"
          + " không được chấp nhận.";

  @TempDir Path dir;
  @TempDir Path sources;

  private final EdXmlReader reader = new EdXmlReader();
  private ServerSocket server;
  private String xml;

  @BeforeEach
  void listen() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    xml =
        new String(EdXmlSamples.write(EdXmlSamples.document(sources, 100)), StandardCharsets.UTF_8);
  }

  @AfterEach
  void noConnectionWasMade() throws IOException {
    server.setSoTimeout(100);
    try {
      server.accept().close();
      throw new AssertionError("the reader connected to " + server.getLocalSocketAddress());
    } catch (SocketTimeoutException expected) {
      // nobody came
    } finally {
      server.close();
    }
    assertThat(EdXmlSamples.files(dir)).isEmpty();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getLocalPort() + "/" + path;
  }

  /** The sample package with a DOCTYPE before its root and {@code subject} as its subject. */
  private String withDoctype(String doctype, String subject) {
    return xml.replaceFirst("\\?>", "?>\n" + doctype.replace("$", "\\$"))
        .replaceFirst("<edXML:Subject>[^<]*<", "<edXML:Subject>" + subject + "<");
  }

  @Test
  void aDoctypeIsRefusedNotIgnored() {
    assertThatThrownBy(
            () -> reader.read(EdXmlSamples.in(withDoctype("<!DOCTYPE edXML>", "Về việc")), dir))
        .isExactlyInstanceOf(EdXmlException.class)
        .hasMessage(DTD_REFUSED);
    assertThatThrownBy(
            () ->
                reader.read(
                    EdXmlSamples.in(
                        withDoctype("<!DOCTYPE edXML [<!ENTITY s \"Về việc\">]>", "&s;")),
                    dir))
        .hasMessage(DTD_REFUSED);
  }

  @Test
  void anExternalDtdIsNeitherFetchedNorAccepted() {
    String doctype = "<!DOCTYPE edXML SYSTEM \"" + url("edxml.dtd") + "\">";

    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(withDoctype(doctype, "x")), dir))
        .hasMessage(DTD_REFUSED);
    assertThatThrownBy(
            () ->
                reader.read(
                    EdXmlSamples.in(
                        withDoctype(
                            "<!DOCTYPE edXML PUBLIC \"-//X//Y\" \"" + url("public.dtd") + "\">",
                            "x")),
                    dir))
        .hasMessage(DTD_REFUSED);
  }

  @Test
  void externalEntitiesAreNeitherReadNorFetched() throws IOException {
    Path secret = Files.writeString(sources.resolve("bi-mat.txt"), "mật khẩu: 123");
    for (String doctype :
        new String[] {
          "<!DOCTYPE edXML [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>",
          "<!DOCTYPE edXML [<!ENTITY x SYSTEM \"" + url("entity") + "\">]>",
          "<!DOCTYPE edXML [<!ENTITY % p SYSTEM \"" + url("parameter") + "\"> %p;]>",
        }) {
      assertThatThrownBy(() -> reader.read(EdXmlSamples.in(withDoctype(doctype, "&x;")), dir))
          .as(doctype)
          .hasMessage(DTD_REFUSED)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("mật khẩu"));
    }
  }

  @Test
  void billionLaughsIsRefusedBeforeAnyExpansion() {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE edXML [<!ENTITY l0 \"ha\">");
    for (int i = 1; i <= 10; i++) {
      doctype.append("<!ENTITY l").append(i).append(" \"");
      doctype.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    doctype.append("]>");
    long start = System.nanoTime();

    assertThatThrownBy(
            () -> reader.read(EdXmlSamples.in(withDoctype(doctype.toString(), "&l10;")), dir))
        .hasMessage(DTD_REFUSED);
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5_000);
  }

  @Test
  void anUndeclaredEntityIsRefused() {
    String changed = xml.replaceFirst("<edXML:Subject>", "<edXML:Subject>&nbsp;");

    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(changed), dir))
        .isExactlyInstanceOf(EdXmlException.class)
        .hasMessage(
            "Gói edXML không hợp lệ: gói có tham chiếu thực thể &nbsp; không được chấp nhận.");
  }

  @Test
  void xincludeIsAnUnknownElementNeverFollowed() throws IOException {
    String changed =
        xml.replaceFirst(
            "<edXML:Subject>",
            "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\""
                + url("include")
                + "\" parse=\"text\"/><edXML:Subject>");

    EdXmlDocument read = reader.readDocument(EdXmlSamples.in(changed), dir);

    assertThat(read.subject()).startsWith("Về việc giao chỉ tiêu");
    read.deleteAttachmentFiles();
  }

  @Test
  void aDoctypeAfterAByteOrderMarkOrACommentIsRefusedToo() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body =
        ("<!-- x --><!DOCTYPE edXML [<!ENTITY x \"y\">]>" + xml.substring(xml.indexOf("<edXML ")))
            .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, bytes, 0, bom.length);
    System.arraycopy(body, 0, bytes, bom.length, body.length);

    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(bytes), dir)).hasMessage(DTD_REFUSED);
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedWithoutNoise() {
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    int at = xml.indexOf("Về việc");
    bytes[at + 1] = (byte) 0xC3; // a lead byte followed by an ASCII byte

    assertThatThrownBy(() -> reader.read(EdXmlSamples.in(bytes), dir))
        .hasMessage("Gói edXML không hợp lệ: gói không phải văn bản UTF-8 hợp lệ.");
  }
}
