package vn.lienthong.signing.validation;

import java.util.List;

/** The compact answer about a document: its SHA-256, the overall indication and each signature. */
public record Verdict(
    String documentSha256, Indication indication, List<SignatureVerdict> signatures) {

  public Verdict {
    signatures = List.copyOf(signatures);
  }

  /**
   * The document's indication: no signature; else failed if any signature failed; else
   * indeterminate if any is; else passed. One bad signature spoils the document.
   */
  static Indication overall(List<SignatureVerdict> signatures) {
    if (signatures.isEmpty()) {
      return Indication.NO_SIGNATURE;
    }
    if (signatures.stream().anyMatch(s -> s.indication() == Indication.TOTAL_FAILED)) {
      return Indication.TOTAL_FAILED;
    }
    if (signatures.stream().anyMatch(s -> s.indication() != Indication.TOTAL_PASSED)) {
      return Indication.INDETERMINATE;
    }
    return Indication.TOTAL_PASSED;
  }
}
