package vn.lienthong.signing.internal.pdf;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of a PDF: a file read in 16 KB blocks on demand, or bytes already in memory. The signer
 * reads the tail (cross-reference and trailer) and a handful of objects, never the pages' content,
 * so a 200 MB scan costs a few reads. A {@link #revision view} ends where an earlier revision ended
 * and shares the blocks already read.
 */
final class PdfFile implements Bytes, Closeable {

  private static final int BLOCK = 16 * 1024;

  /** Blocks kept per file (16 MB): enough for the objects a signature or an analysis reads. */
  private static final int MAX_BLOCKS = 1024;

  private final FileChannel channel;
  private final byte[] memory;
  private final long size;
  private final Map<Long, byte[]> blocks;
  private final boolean owner;
  private long lastIndex = -1;
  private byte[] last;

  private PdfFile(
      FileChannel channel, byte[] memory, long size, Map<Long, byte[]> blocks, boolean owner) {
    this.channel = channel;
    this.memory = memory;
    this.size = size;
    this.blocks = blocks;
    this.owner = owner;
  }

  static PdfFile open(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    return new PdfFile(channel, null, channel.size(), lruBlocks(), true);
  }

  static PdfFile of(byte[] bytes) {
    return new PdfFile(null, bytes, bytes.length, null, true);
  }

  /** The first {@code length} bytes: the file as it was when that revision was written. */
  PdfFile revision(long length) {
    if (length < 0 || length > size) {
      throw new IllegalArgumentException("No revision ends at " + length);
    }
    return new PdfFile(channel, memory, length, blocks, false);
  }

  long size() {
    return size;
  }

  /** The channel to copy the file from; null for bytes in memory. */
  FileChannel channel() {
    return channel;
  }

  /** The bytes when they are in memory; null for a file. */
  byte[] memory() {
    return memory;
  }

  @Override
  public int at(long position) {
    if (position < 0 || position >= size) {
      return -1;
    }
    if (memory != null) {
      return memory[(int) position] & 0xff;
    }
    long index = position / BLOCK;
    if (index != lastIndex) {
      byte[] block = blocks.get(index);
      if (block == null) {
        // blocks are read whole from the file (not cut at this view's end): views share them
        block = readFile(index * BLOCK, BLOCK);
        blocks.put(index, block);
      }
      lastIndex = index;
      last = block;
    }
    int at = (int) (position - index * BLOCK);
    return at < last.length ? last[at] & 0xff : -1;
  }

  /** {@code length} bytes from {@code position} (fewer at the end of the file or view). */
  byte[] read(long position, int length) {
    int n = (int) Math.max(0, Math.min(length, size - position));
    if (position < 0 || n == 0) {
      return new byte[0];
    }
    if (memory != null) {
      byte[] copy = new byte[n];
      System.arraycopy(memory, (int) position, copy, 0, n);
      return copy;
    }
    return readFile(position, n);
  }

  private byte[] readFile(long position, int length) {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    try {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (buffer.hasRemaining()) {
      byte[] shorter = new byte[buffer.position()];
      System.arraycopy(buffer.array(), 0, shorter, 0, shorter.length);
      return shorter;
    }
    return buffer.array();
  }

  @Override
  public void close() throws IOException {
    // a revision view shares its file's channel, which the file's own reader closes
    if (owner && channel != null) {
      channel.close();
    }
  }

  private static Map<Long, byte[]> lruBlocks() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
        return size() > MAX_BLOCKS;
      }
    };
  }
}
