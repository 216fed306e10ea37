package vn.lienthong.signing.validation;

/**
 * One thing a later revision of the document changed after a signature: what, on which page (1
 * first; null for the document as a whole) and a detail (the kind of annotation, the field's name,
 * the entry's key). Later signatures, document timestamps and validation data are not changes.
 *
 * <p>A change that alters what a page shows makes the signature {@code TOTAL_FAILED}; any other
 * change makes it at best {@code INDETERMINATE}: the signed bytes are intact, but what a reader
 * sees is not exactly what was signed.
 */
public record ChangeAfterSigning(Kind kind, Integer page, String detail) {

  /** The kinds of change, each with whether it alters what a page shows. */
  public enum Kind {
    PAGE_CONTENT_CHANGED(true, "page content changed"),
    PAGE_RESOURCES_CHANGED(true, "page fonts or images changed"),
    PAGE_ATTRIBUTES_CHANGED(true, "page size, rotation or transparency changed"),
    PAGE_ADDED(true, "page added"),
    PAGE_REMOVED(true, "page removed"),
    PAGES_REORDERED(true, "pages reordered"),
    ANNOTATION_ADDED(true, "annotation added"),
    ANNOTATION_CHANGED(true, "annotation changed"),
    ANNOTATION_REMOVED(true, "annotation removed"),
    VISIBLE_EMPTY_SIGNATURE_FIELD_ADDED(true, "visible empty signature field added"),
    SIGNATURE_CHANGED(true, "signature field changed"),
    FORBIDDEN_BY_CERTIFICATION(true, "signature added where the certification allows no change"),
    ACTION_CHANGED(true, "JavaScript or an action added or changed"),
    LAYERS_CHANGED(true, "layer visibility changed"),
    FORM_APPEARANCE_CHANGED(true, "form appearance settings changed"),
    DOCUMENT_VIEW_CHANGED(true, "how the document is presented changed"),
    RENDERED_PAGE_DIFFERS(true, "rendered page differs"),
    BYTE_RANGE_INVALID(true, "the signature does not cover its whole revision"),
    REVISION_NOT_IN_HISTORY(true, "the signed revision is not part of the document's history"),
    DOCUMENT_INFORMATION_CHANGED(false, "document information changed"),
    METADATA_CHANGED(false, "document metadata changed"),
    FORM_FIELD_VALUE_CHANGED(false, "form field value changed"),
    FORM_FIELD_ADDED(false, "form field added"),
    FORM_FIELD_REMOVED(false, "form field removed"),
    FORM_FIELD_CHANGED(false, "form field changed"),
    FORM_DEFAULTS_CHANGED(false, "form defaults changed"),
    EMPTY_SIGNATURE_FIELD_ADDED(false, "empty signature field added"),
    ATTACHMENT_CHANGED(false, "embedded file added or changed"),
    PERMISSIONS_CHANGED(false, "document permissions changed"),
    PAGE_ENTRY_CHANGED(false, "page entry changed"),
    CATALOG_CHANGED(false, "document entry changed"),
    OBJECTS_CHANGED(false, "other objects changed"),
    NOT_ANALYSED(false, "later revisions could not be analysed");

    private final boolean altersDisplay;
    private final String text;

    Kind(boolean altersDisplay, String text) {
      this.altersDisplay = altersDisplay;
      this.text = text;
    }

    public boolean altersDisplay() {
      return altersDisplay;
    }
  }

  public static ChangeAfterSigning of(Kind kind) {
    return new ChangeAfterSigning(kind, null, null);
  }

  public boolean altersDisplay() {
    return kind.altersDisplay;
  }

  /** In words, e.g. "annotation added on page 1 (FreeText)". */
  public String description() {
    return kind.text
        + (page == null ? "" : " on page " + page)
        + (detail == null ? "" : " (" + detail + ")");
  }

  @Override
  public String toString() {
    return description();
  }
}
