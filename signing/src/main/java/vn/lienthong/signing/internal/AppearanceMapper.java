package vn.lienthong.signing.internal;

import eu.europa.esig.dss.enumerations.ImageScaling;
import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextPosition;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentHorizontal;
import eu.europa.esig.dss.enumerations.VisualSignatureAlignmentVertical;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import java.awt.Color;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.appearance.SealImages;

/** Turns our Decree 30 appearance into DSS image parameters. */
public final class AppearanceMapper {

  /** Vietnam's offset, shown in every signing time (Annex I: ISO 8601, Vietnamese time zone). */
  public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

  /**
   * Fonts are parsed once (DSSFileFont builds an AWT font from the bytes, too slow for every call),
   * and only when the general path draws an appearance: not when someone reads {@link #VIETNAM}.
   */
  private static final class Fonts {
    static final DSSFileFont SANS_10 = font(SealImages.Fonts.sansTrueType(), 10f);
    static final DSSFileFont SANS_7 = font(SealImages.Fonts.sansTrueType(), 7f);
    static final DSSFileFont SERIF_10 = font(SealImages.Fonts.serifTrueType(), 10f);
  }

  private AppearanceMapper() {}

  public static String signingTimeText(Instant signingTime) {
    return OffsetDateTime.ofInstant(signingTime, VIETNAM)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Null for an invisible signature. */
  public static SignatureImageParameters toDss(Appearance appearance, Instant signingTime) {
    if (appearance == null || appearance instanceof Appearance.Invisible) {
      return null;
    }
    SignatureImageParameters image = new SignatureImageParameters();
    SignatureImageTextParameters text = new SignatureImageTextParameters();
    text.setPadding(2f);
    if (appearance instanceof Appearance.Leader leader) {
      image.setFieldParameters(field(leader.placement()));
      if (leader.signatureImage() != null) {
        image.setImage(new InMemoryDocument(leader.signatureImage(), "signature.png"));
        image.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
        text.setSignerTextPosition(SignerTextPosition.BOTTOM);
      }
      // Annex I: the position (chức vụ) and the signer's full name go with the signature image.
      text.setText(leader.position() + "\n" + leader.name());
      text.setFont(Fonts.SANS_10);
      text.setTextColor(SealImages.SIGNATURE_BLUE);
      text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.CENTER);
      text.setTextWrapping(TextWrapping.FILL_BOX);
    } else if (appearance instanceof Appearance.Seal seal) {
      image.setFieldParameters(field(seal.placement()));
      byte[] sealImage =
          seal.sealImage() != null ? seal.sealImage() : SealImages.demoSeal(seal.unitName());
      image.setImage(new InMemoryDocument(sealImage, "seal.png"));
      image.setImageScaling(ImageScaling.ZOOM_AND_CENTER);
      // Annex I: the organisation's signature shows the unit's name and the signing time.
      text.setText(seal.unitName() + "\n" + signingTimeText(signingTime));
      text.setFont(Fonts.SANS_7);
      text.setTextColor(SealImages.SEAL_RED);
      text.setSignerTextPosition(SignerTextPosition.BOTTOM);
      text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.CENTER);
      text.setTextWrapping(TextWrapping.FILL_BOX);
    } else if (appearance instanceof Appearance.NumberAndDate line) {
      // DSS draws text in one block: the pieces, each at its blank, go as one transparent image
      image.setFieldParameters(field(line.band()));
      image.setImage(new InMemoryDocument(AppearanceDrawer.numberAndDatePng(line), "issue.png"));
      image.setImageScaling(ImageScaling.STRETCH);
      return image;
    } else if (appearance instanceof Appearance.Attachment attachment) {
      // Annex I: top right corner of the first page, no image, number and notation plus time,
      // size 10, upright, black.
      SignatureFieldParameters field = new SignatureFieldParameters();
      field.setPage(1);
      field.setOriginX(18f);
      field.setOriginY(18f);
      field.setWidth(190f);
      field.setHeight(30f);
      image.setFieldParameters(field);
      image.setAlignmentHorizontal(VisualSignatureAlignmentHorizontal.RIGHT);
      image.setAlignmentVertical(VisualSignatureAlignmentVertical.TOP);
      text.setText(attachment.numberAndNotation() + "\n" + signingTimeText(signingTime));
      text.setFont(Fonts.SERIF_10);
      text.setTextColor(Color.BLACK);
      text.setSignerTextHorizontalAlignment(SignerTextHorizontalAlignment.RIGHT);
      text.setTextWrapping(TextWrapping.FONT_BASED);
    }
    image.setTextParameters(text);
    return image;
  }

  private static SignatureFieldParameters field(Placement placement) {
    SignatureFieldParameters field = new SignatureFieldParameters();
    field.setPage(placement.page());
    field.setOriginX(placement.x());
    field.setOriginY(placement.y());
    field.setWidth(placement.width());
    field.setHeight(placement.height());
    return field;
  }

  private static DSSFileFont font(byte[] trueType, float size) {
    DSSFileFont font = new DSSFileFont(new InMemoryDocument(trueType, "font.ttf"), size);
    font.setEmbedFontSubset(true);
    return font;
  }
}
