package vn.lienthong.domain.document;

/**
 * Số, ký hiệu của văn bản (Decree 30, art. 15 and Annex III): the register number written with at
 * least two digits, then the type abbreviation and the unit's, e.g. {@code 05/QĐ-UBND}; a công văn
 * carries the unit's notation alone, e.g. {@code 12/UBND}.
 */
public final class Notation {
  private Notation() {}

  public static String of(int number, DocumentType type, String unitNotation) {
    String no = String.format("%02d", number);
    return type.abbreviation()
        .map(abbr -> no + "/" + abbr + "-" + unitNotation)
        .orElse(no + "/" + unitNotation);
  }
}
