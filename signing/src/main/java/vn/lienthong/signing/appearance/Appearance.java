package vn.lienthong.signing.appearance;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The visible form of a signature, after Decree 30/2020/NĐ-CP Annex I (thể thức chữ ký số). The
 * signing time shown is the signature's own signing time, in ISO 8601 with the Vietnamese offset
 * +07:00, filled in when the signature is made.
 */
public sealed interface Appearance {

  /** No visible signature. */
  record Invisible() implements Appearance {}

  /**
   * The competent person's signature (chữ ký số của người có thẩm quyền): the handwritten signature
   * image if there is one (PNG, transparent), with the position (chức vụ) and the full name.
   */
  record Leader(String name, String position, byte[] signatureImage, Placement placement)
      implements Appearance {

    public Leader {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(position, "position");
      Objects.requireNonNull(placement, "placement");
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Leader l
          && name.equals(l.name)
          && position.equals(l.position)
          && Arrays.equals(signatureImage, l.signatureImage)
          && placement.equals(l.placement);
    }

    @Override
    public int hashCode() {
      return Objects.hash(name, position, Arrays.hashCode(signatureImage), placement);
    }

    @Override
    public String toString() {
      return "Leader[" + name + ", " + position + ", " + placement + "]";
    }
  }

  /**
   * The unit's signature (chữ ký số của cơ quan, tổ chức): the seal image in red, the unit's name
   * and the signing time. Without a seal image, a drawn demo seal with the unit's name is used.
   */
  record Seal(String unitName, byte[] sealImage, Placement placement) implements Appearance {

    public Seal {
      Objects.requireNonNull(unitName, "unitName");
      Objects.requireNonNull(placement, "placement");
    }

    /** The seal placed over the left third of the leader's signature, as Annex I requires. */
    public static Seal over(Leader leader, String unitName, byte[] sealImage) {
      return new Seal(unitName, sealImage, Placement.sealOver(leader.placement()));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Seal s
          && unitName.equals(s.unitName)
          && Arrays.equals(sealImage, s.sealImage)
          && placement.equals(s.placement);
    }

    @Override
    public int hashCode() {
      return Objects.hash(unitName, Arrays.hashCode(sealImage), placement);
    }

    @Override
    public String toString() {
      return "Seal[" + unitName + ", " + placement + "]";
    }
  }

  /**
   * The number and date of issue (ô 3 and ô 4 of Decree 30/2020/NĐ-CP Annex I), written by the
   * unit's seal when the clerk issues the document: a band across the line of page 1 where the
   * draft left them blank, with each piece of text at the place of its blank. It is a signature of
   * its own, so a verifier attributes the text to the seal and sees nothing changed under the
   * leader's signature. {@link IssuanceLine} finds the band and the pieces.
   */
  record NumberAndDate(Placement band, List<Mark> marks) implements Appearance {

    public NumberAndDate {
      Objects.requireNonNull(band, "band");
      marks = List.copyOf(marks);
      if (marks.isEmpty()) {
        throw new IllegalArgumentException("Nothing to write");
      }
    }
  }

  /**
   * A piece of text in a {@link NumberAndDate} band: its anchor {@code x} (where it starts, is
   * centred or ends, by {@code align}; from the band's left edge) and its baseline (from the band's
   * top edge), in points, and its size.
   */
  record Mark(String text, float x, float baseline, float size, Align align) {

    public Mark {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(align, "align");
      if (size <= 0) {
        throw new IllegalArgumentException("A mark needs a positive size");
      }
    }
  }

  /** How a {@link Mark} sits on its anchor. */
  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /**
   * The unit's signature on an attachment (tệp tin kèm theo): Annex I puts it at the top right of
   * the first page, no image, text only: the number and notation of the main document and the
   * signing time (Times New Roman 10 in the decree; we embed DejaVu Serif, a free font with full
   * Vietnamese).
   */
  record Attachment(String numberAndNotation) implements Appearance {

    public Attachment {
      Objects.requireNonNull(numberAndNotation, "numberAndNotation");
    }
  }
}
