package vn.lienthong.application.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.domain.content.ContentStore;

class LocalCopiesTest {

  /** A content store in memory that counts its reads. */
  static final class Store implements ContentStore {
    final Map<String, byte[]> files = new HashMap<>();
    int reads;

    ContentHash add(byte[] bytes) throws Exception {
      ContentHash h = ContentHash.of(MessageDigest.getInstance("SHA-256").digest(bytes));
      files.put(h.hex(), bytes);
      return h;
    }

    @Override
    public void put(Path file, ContentHash hash, long size, String mediaType) {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean contains(ContentHash hash) {
      return files.containsKey(hash.hex());
    }

    @Override
    public void copyTo(ContentHash hash, OutputStream out) throws IOException {
      reads++;
      out.write(files.get(hash.hex()));
    }
  }

  @Test
  void aCopyIsMadeOnceAndServedFromDisk(@TempDir Path dir) throws Exception {
    Store store = new Store();
    ContentHash h = store.add("%PDF-1.7 a".getBytes());
    Path first = LocalCopies.of(h, store, dir, 1 << 20);
    Path again = LocalCopies.of(h, store, dir, 1 << 20);
    assertThat(again).isEqualTo(first);
    assertThat(Files.readString(first)).isEqualTo("%PDF-1.7 a");
    assertThat(store.reads).isEqualTo(1);
  }

  @Test
  void bytesThatDoNotMatchTheirHashAreNotServed(@TempDir Path dir) throws Exception {
    Store store = new Store();
    ContentHash h = store.add("%PDF-1.7 good".getBytes());
    store.files.put(h.hex(), "%PDF-1.7 bad!".getBytes());
    assertThatThrownBy(() -> LocalCopies.of(h, store, dir, 1 << 20))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not served");
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void theLeastRecentlyUsedCopiesGoWhenTheBoundIsPassed(@TempDir Path dir) throws Exception {
    Store store = new Store();
    ContentHash a = store.add(new byte[400]);
    ContentHash b = store.add(new byte[401]);
    ContentHash c = store.add(new byte[402]);
    Path pa = LocalCopies.of(a, store, dir, 1100);
    Path pb = LocalCopies.of(b, store, dir, 1100);
    Files.setLastModifiedTime(pa, FileTime.fromMillis(1_000));
    Files.setLastModifiedTime(pb, FileTime.fromMillis(2_000));
    // 1,203 bytes over a bound of 1,100: the oldest go until 80% of it
    Path pc = LocalCopies.of(c, store, dir, 1100);
    assertThat(pa).doesNotExist();
    assertThat(pb).exists();
    assertThat(pc).exists();
  }
}
