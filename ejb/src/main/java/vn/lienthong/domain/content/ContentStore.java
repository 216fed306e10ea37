package vn.lienthong.domain.content;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * Document bytes keyed by their SHA-256. Putting the same bytes twice stores them once. Runs in the
 * caller's transaction, so a document row never points at bytes that were rolled back.
 */
public interface ContentStore {
  /** Stores the file's bytes under the given hash (which the caller computed while reading). */
  void put(Path file, ContentHash hash, long size, String mediaType);

  boolean contains(ContentHash hash);

  /** Streams the bytes out. */
  void copyTo(ContentHash hash, OutputStream out) throws IOException;
}
