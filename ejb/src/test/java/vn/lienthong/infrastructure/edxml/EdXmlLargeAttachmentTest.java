package vn.lienthong.infrastructure.edxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Attachment;

/**
 * A 100 MB attachment written and read back in a JVM of 40 MB of heap: neither the writer nor the
 * reader holds it (nor its 134 MB of base64) in memory.
 */
class EdXmlLargeAttachmentTest {
  private static final int SIZE = 100 * 1000 * 1000;

  @Test
  void aHundredMegabyteAttachmentPassesThroughFortyMegabytesOfHeap(@TempDir Path dir)
      throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx40m",
                "-cp",
                System.getProperty("java.class.path"),
                Check.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String output;
    try (InputStream in = process.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("same SHA-256");
  }

  /** Runs in the small JVM: makes the file, writes the package, reads it, compares. */
  static final class Check {
    public static void main(String[] args) throws IOException {
      Path dir = Path.of(args[0]);
      Path source = dir.resolve("source.bin");
      Random random = new Random(1);
      byte[] block = new byte[1 << 20];
      try (OutputStream out = Files.newOutputStream(source)) {
        for (int written = 0; written < SIZE; written += block.length) {
          random.nextBytes(block);
          out.write(block, 0, Math.min(block.length, SIZE - written));
        }
      }
      EdXmlDocument minimal = EdXmlSamples.minimal(dir, new byte[0]);
      Files.delete(minimal.attachments().get(0).file());
      EdXmlDocument document =
          new EdXmlDocument(
              minimal.from(),
              minimal.to(),
              minimal.code(),
              minimal.promulgationInfo(),
              minimal.documentType(),
              minimal.subject(),
              minimal.content(),
              minimal.signerInfo(),
              minimal.dueDate(),
              minimal.toPlaces(),
              minimal.otherInfo(),
              minimal.responseFor(),
              minimal.steeringType(),
              minimal.documentId(),
              minimal.traceHeaders(),
              minimal.business(),
              List.of(new Attachment("scan", "bản quét.pdf", "application/pdf", null, source)));
      Path edxml = dir.resolve("package.edxml");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(edxml))) {
        new EdXmlWriter().write(document, out);
      }
      Path received = Files.createDirectory(dir.resolve("received"));
      EdXmlDocument read;
      try (InputStream in = Files.newInputStream(edxml)) {
        read = new EdXmlReader().readDocument(in, received);
      }
      Path copy = read.attachments().get(0).file();
      if (Files.size(copy) != SIZE
          || !EdXmlSamples.sha256(copy).equals(EdXmlSamples.sha256(source))) {
        System.out.println("the attachment changed");
        System.exit(1);
      }
      System.out.println(
          "package of " + Files.size(edxml) + " bytes, attachment of " + SIZE + ": same SHA-256");
    }
  }
}
