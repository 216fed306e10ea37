package vn.lienthong.signing.pades;

import java.util.Objects;
import vn.lienthong.signing.appearance.Appearance;

/**
 * How to sign: the level, the visible appearance, and the optional reason and location written into
 * the signature dictionary.
 */
public record SignOptions(
    SignatureLevel level, Appearance appearance, String reason, String location) {

  public SignOptions {
    Objects.requireNonNull(level, "level");
    appearance = appearance == null ? new Appearance.Invisible() : appearance;
  }

  public static SignOptions of(SignatureLevel level) {
    return new SignOptions(level, new Appearance.Invisible(), null, null);
  }

  public SignOptions withAppearance(Appearance newAppearance) {
    return new SignOptions(level, newAppearance, reason, location);
  }
}
