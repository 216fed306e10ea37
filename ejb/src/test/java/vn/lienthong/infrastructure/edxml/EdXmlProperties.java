package vn.lienthong.infrastructure.edxml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What must hold for any bytes given to the reader, shared by the mutation test and the Jazzer
 * target: the reader returns a package or throws {@link EdXmlException}, never anything else; a
 * package read can be written again; whatever the outcome, the temporary files are the caller's on
 * success (deleted here) and gone on failure.
 */
final class EdXmlProperties {
  /** Small, so that mutants that multiply elements meet the limits fast. */
  static final EdXmlReader.Limits LIMITS =
      new EdXmlReader.Limits(4 << 20, 24, 4096, 64 * 1024, 8, 1 << 20, 50, 20, 50);

  private EdXmlProperties() {}

  /** Reads {@code input} into {@code dir}, which must be empty; true when it was a package. */
  static boolean readOrRefuse(byte[] input, Path dir) throws IOException {
    EdXmlPackage read;
    try {
      read = new EdXmlReader(LIMITS).read(new ByteArrayInputStream(input), dir);
    } catch (EdXmlException refused) {
      requireEmpty(dir, refused);
      return false;
    }
    // What was read is valid: the records checked it, and it can be written again.
    EdXmlSamples.write(read);
    if (read instanceof EdXmlDocument document) {
      document.deleteAttachmentFiles();
    }
    requireEmpty(dir, null);
    return true;
  }

  private static void requireEmpty(Path dir, Throwable cause) throws IOException {
    List<Path> left = EdXmlSamples.files(dir);
    if (!left.isEmpty()) {
      throw new AssertionError("temporary files left behind: " + left, cause);
    }
  }
}
