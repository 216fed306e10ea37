package vn.lienthong.signing.appearance;

/**
 * Where a visible signature sits: page (from 1) and a box in PDF points (1/72 inch) measured from
 * the page's top-left corner, as an official places it in the web client.
 */
public record Placement(int page, float x, float y, float width, float height) {

  public Placement {
    if (page < 1 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("A placement needs a page >= 1 and a positive size");
    }
  }

  /** A seal 36 mm across, about the real size of a unit's round seal. */
  public static final float SEAL_SIZE = 102f;

  /**
   * The seal's box for a leader's signature at {@code leader}: Decree 30/2020/NĐ-CP Annex I,
   * section II: the seal image covers about one third of the leader's signature image, on its left.
   * The seal's right edge therefore falls a third of the way into the leader's box, vertically
   * centred.
   */
  public static Placement sealOver(Placement leader) {
    float x = leader.x() + leader.width() / 3f - SEAL_SIZE;
    float y = leader.y() + (leader.height() - SEAL_SIZE - 24f) / 2f;
    return new Placement(
        leader.page(), Math.max(0f, x), Math.max(0f, y), SEAL_SIZE, SEAL_SIZE + 24f);
  }
}
