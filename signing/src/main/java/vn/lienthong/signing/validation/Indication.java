package vn.lienthong.signing.validation;

/** The overall answer about a document or one signature (ETSI EN 319 102-1 main indications). */
public enum Indication {
  TOTAL_PASSED,
  TOTAL_FAILED,
  INDETERMINATE,
  /** The document carries no signature at all. */
  NO_SIGNATURE
}
