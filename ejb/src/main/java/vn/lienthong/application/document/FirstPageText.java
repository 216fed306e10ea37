package vn.lienthong.application.document;

import java.nio.file.Path;
import java.util.List;

/** The text of a PDF's first page, in pieces: runs of words with no wide gap inside. */
public interface FirstPageText {

  /** Empty when the page has no text (a scan) or the file cannot be read as text. */
  List<String> segments(Path pdf);
}
