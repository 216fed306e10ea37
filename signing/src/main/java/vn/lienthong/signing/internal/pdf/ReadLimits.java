package vn.lienthong.signing.internal.pdf;

/**
 * The bounds of the incremental reader, so that no file, however it is built, makes it allocate or
 * loop without end: a bound reached is an {@link UnsupportedPdfException} (the general path, itself
 * bounded, then takes the file or says it is damaged), or for what would cost the general path as
 * much (decoded sizes, the number of sections) a {@link LimitExceededException}. One instance per
 * reader counts what the file has cost so far.
 */
final class ReadLimits {

  /** Cross-reference sections followed through /Prev and /XRefStm (one per incremental update). */
  static final int MAX_SECTIONS = 1024;

  /** ISO 32000-1 Annex C.2: a PDF holds at most 8,388,607 indirect objects. */
  static final int MAX_OBJECT_NUMBER = 8_388_607;

  static final int MAX_GENERATION = 65_535;

  /** Raw bytes of one cross-reference or object stream that the reader decodes. */
  static final int MAX_STREAM_BYTES = 16 * 1024 * 1024;

  /** Decoded bytes of one cross-reference or object stream. */
  static final int MAX_INFLATED_STREAM = 32 * 1024 * 1024;

  /** Decoded bytes of all streams one reader decodes. */
  static final long MAX_INFLATED_DOCUMENT = 128L * 1024 * 1024;

  /** Values (numbers, names, strings, arrays, dictionaries...) parsed by one reader. */
  static final int MAX_VALUES = 2_000_000;

  /** Arrays and dictionaries inside each other. */
  static final int MAX_NESTING = 64;

  /** Bytes of one string, and characters of one name, number or keyword. */
  static final int MAX_STRING_BYTES = 4 * 1024 * 1024;

  static final int MAX_TOKEN_CHARS = 32 * 1024;

  /** Objects loaded while loading another (a stream's /Length, an object's object stream). */
  static final int MAX_LOAD_DEPTH = 16;

  /** Levels of the page tree, and its nodes visited by one walk. */
  static final int MAX_PAGE_TREE_DEPTH = 64;

  static final int MAX_PAGE_TREE_NODES = 1_000_000;

  /** Subsections of all cross-reference tables (each a range of numbers). */
  static final int MAX_SUBSECTIONS = 100_000;

  /** Bytes of all strings parsed. */
  static final long MAX_STRING_BYTES_READ = 64L * 1024 * 1024;

  /** Cross-reference entries looked at by a check of every object version. */
  static final long MAX_VERSIONS = 10_000_000L;

  private int values;
  private long inflated;
  private int subsections;
  private long stringBytes;

  void subsection() throws UnsupportedPdfException {
    if (++subsections > MAX_SUBSECTIONS) {
      throw new LimitExceededException("More than " + MAX_SUBSECTIONS + " subsections");
    }
  }

  void string(int bytes) throws UnsupportedPdfException {
    stringBytes += bytes;
    if (stringBytes > MAX_STRING_BYTES_READ) {
      throw new LimitExceededException("More than " + MAX_STRING_BYTES_READ + " bytes of strings");
    }
  }

  void value() throws UnsupportedPdfException {
    if (++values > MAX_VALUES) {
      throw new UnsupportedPdfException("More than " + MAX_VALUES + " values read");
    }
  }

  /** The room left for decoded bytes, at most one stream's worth. */
  int inflateRoom() throws UnsupportedPdfException {
    long left = MAX_INFLATED_DOCUMENT - inflated;
    if (left <= 0) {
      throw new LimitExceededException("More than " + MAX_INFLATED_DOCUMENT + " bytes decoded");
    }
    return (int) Math.min(left, MAX_INFLATED_STREAM);
  }

  void inflated(long bytes) {
    inflated += bytes;
  }
}
