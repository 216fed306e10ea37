package vn.lienthong.signing.internal;

import java.util.function.Supplier;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.InvalidDocumentException.Reason;

/**
 * Work on one document whose {@link Error}s stay with it: PDFBox and DSS recurse through nested
 * objects and allocate what a file asks for, so a hostile file can overflow the stack or exhaust a
 * buffer. Such a document is refused ({@link Reason#TOO_COMPLEX}); the stack unwinds and the buffer
 * is garbage, so the next caller is unharmed.
 */
public final class Contained {

  private Contained() {}

  public static <T> T call(Supplier<T> work) {
    try {
      return work.get();
    } catch (StackOverflowError e) {
      throw new InvalidDocumentException(
          Reason.TOO_COMPLEX, "The document's objects are nested too deeply to be read", e);
    } catch (OutOfMemoryError e) {
      throw new InvalidDocumentException(
          Reason.TOO_COMPLEX, "The document needs more memory than one document may use", e);
    }
  }

  public static void run(Runnable work) {
    call(
        () -> {
          work.run();
          return null;
        });
  }
}
