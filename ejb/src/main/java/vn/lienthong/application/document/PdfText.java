package vn.lienthong.application.document;

import java.nio.file.Path;
import java.util.List;

/** What a PDF says in text: where a classification stamp is looked for, and what search finds. */
public interface PdfText {

  /**
   * The first page's text in pieces: runs of words with no wide gap inside. Empty when the page has
   * no text (a scan) or the file cannot be read as text.
   */
  List<String> segments(Path pdf);

  /**
   * The text of the first {@code maxPages} pages, cut at {@code maxChars}, for the search index.
   * Empty for a scan or a file that cannot be read as text.
   */
  String searchable(Path pdf, int maxPages, int maxChars);
}
