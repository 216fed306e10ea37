package vn.lienthong.application.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.lienthong.domain.content.ContentHash;

/** A received file, spooled to a temporary file with its hash and size. Close deletes it. */
public record Upload(Path file, String fileName, ContentHash hash, long size)
    implements AutoCloseable {
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
