package vn.lienthong.signing.internal.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Str;

/**
 * Whether the signatures already in a document let a new signature field be added: a certification
 * signature with DocMDP permission 1 forbids every change (ISO 32000-1 12.8.2.2); a FieldMDP
 * transform (12.8.2.4) or a signed field's /Lock (ISO 32000-2 12.7.5.5) locking all fields, or all
 * but some, forbids new signature fields; a /Lock with permission 1 (PDF 2.0) forbids every change.
 * The rule for FieldMDP and /Lock is DSS's {@code PdfPermissionsChecker}'s, which our general path
 * also applies to a /Lock without /P ({@code DssSupport}), so a document gets the same answer on
 * either signing path.
 */
public final class SignaturePermissions {

  private SignaturePermissions() {}

  /** Why a new signature is not permitted, or empty when it is. */
  public static Optional<String> refusal(PdfReader pdf) throws UnsupportedPdfException {
    Dict catalog = pdf.catalog();
    if (pdf.resolve(catalog.get("Perms")) instanceof Dict perms
        && pdf.resolve(perms.get("DocMDP")) instanceof Dict certification
        && docMdpPermission(pdf, certification) == 1) {
      return Optional.of(
          "the document is certified with no changes allowed (DocMDP permission 1)"
              + signer(certification));
    }
    for (Dict field : signedFields(pdf)) {
      Dict signature = (Dict) pdf.resolve(field.get("V"));
      String name = field.get("T") instanceof Str t ? " '" + t.text() + "'" : "";
      if (pdf.resolve(field.get("Lock")) instanceof Dict lock) {
        if (locksNewFields(lock)) {
          return Optional.of("the signed field" + name + " locks the form (/Lock)");
        }
        if (pdf.resolve(lock.get("P")) instanceof Num p && p.integer(0, 3) == 1) {
          return Optional.of("the signed field" + name + " allows no changes (/Lock permission 1)");
        }
      }
      if (pdf.resolve(signature.get("Reference")) instanceof List<?> references) {
        for (Object reference : references) {
          if (pdf.resolve(reference) instanceof Dict r
              && r.isName("TransformMethod", "FieldMDP")
              && pdf.resolve(r.get("TransformParams")) instanceof Dict params
              && locksNewFields(params)) {
            return Optional.of("the signature of field" + name + " locks the form (FieldMDP)");
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The fields of the form that hold a signature (a dictionary with a /ByteRange), found by walking
   * the whole field tree: only a signed field's locks apply.
   */
  public static List<Dict> signedFields(PdfReader pdf) throws UnsupportedPdfException {
    List<Dict> signed = new ArrayList<>();
    if (pdf.resolve(pdf.catalog().get("AcroForm")) instanceof Dict form) {
      for (Object node : FieldTree.nodes(pdf, form.get("Fields")).values()) {
        if (pdf.resolve(node) instanceof Dict field
            && pdf.resolve(field.get("V")) instanceof Dict signature
            && signature.has("ByteRange")) {
          signed.add(field);
        }
      }
    }
    return signed;
  }

  /** A new field has no name in /Fields: All and Exclude lock it, Include does not. */
  private static boolean locksNewFields(Dict lock) {
    return lock.isName("Action", "All") || lock.isName("Action", "Exclude");
  }

  private static long docMdpPermission(PdfReader pdf, Dict signature)
      throws UnsupportedPdfException {
    if (pdf.resolve(signature.get("Reference")) instanceof List<?> references) {
      for (Object reference : references) {
        if (pdf.resolve(reference) instanceof Dict r
            && r.isName("TransformMethod", "DocMDP")
            && pdf.resolve(r.get("TransformParams")) instanceof Dict params
            && pdf.resolve(params.get("P")) instanceof Num p) {
          return p.integer(0, 3);
        }
      }
    }
    return 2; // the default permission (Table 254)
  }

  private static String signer(Dict signature) {
    return signature.get("Name") instanceof Str name ? " by " + name.text() : "";
  }
}
