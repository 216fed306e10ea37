package vn.lienthong.domain.document;

/**
 * Số, ký hiệu của văn bản (Decree 30, art. 15 and Annex I): the register number written with at
 * least two digits, then the type's abbreviation and the organ's, {@code 05/QĐ-UBND}; a công văn
 * has no type abbreviation but the organ's and the drafting division's, {@code 12/UBND-VP}, or the
 * organ's alone when no division drafted it ({@code 12/QLĐT}, a phòng writing in its own name).
 */
public final class Notation {
  private Notation() {}

  /** {@code division} is the drafting division's abbreviation, or null. */
  public static String of(int number, DocumentType type, String organ, String division) {
    String no = String.format("%02d", number);
    return type.abbreviation()
        .map(abbr -> no + "/" + abbr + "-" + organ)
        .orElse(no + "/" + organ + (division == null ? "" : "-" + division));
  }
}
