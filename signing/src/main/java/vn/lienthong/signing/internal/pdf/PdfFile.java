package vn.lienthong.signing.internal.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * A PDF file read in 16 KB blocks on demand: the signer reads the tail (cross-reference and
 * trailer) and a handful of objects, never the pages' content, so a 200 MB scan costs a few reads.
 */
final class PdfFile implements Bytes, Closeable {

  private static final int BLOCK = 16 * 1024;

  private final FileChannel channel;
  private final long size;
  private final Map<Long, byte[]> blocks = new HashMap<>();
  private long lastIndex = -1;
  private byte[] last;

  PdfFile(Path file) throws IOException {
    this.channel = FileChannel.open(file, StandardOpenOption.READ);
    this.size = channel.size();
  }

  long size() {
    return size;
  }

  FileChannel channel() {
    return channel;
  }

  @Override
  public int at(long position) {
    if (position < 0 || position >= size) {
      return -1;
    }
    long index = position / BLOCK;
    if (index != lastIndex) {
      byte[] block = blocks.get(index);
      if (block == null) {
        block = read(index * BLOCK, (int) Math.min(BLOCK, size - index * BLOCK));
        blocks.put(index, block);
      }
      lastIndex = index;
      last = block;
    }
    return last[(int) (position - index * BLOCK)] & 0xff;
  }

  /** {@code length} bytes from {@code position} (fewer at the end of the file). */
  byte[] read(long position, int length) {
    int n = (int) Math.max(0, Math.min(length, size - position));
    ByteBuffer buffer = ByteBuffer.allocate(n);
    try {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.array();
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
