package vn.lienthong.signing;

import org.junit.jupiter.api.Assumptions;

/**
 * The Debian tools some tests drive (SoftHSM2, OpenSC, poppler, NSS). Where they are missing, a
 * developer's run skips those tests with the install line; CI (CI=true, set by the runner; .ci/run
 * installs the tools) fails instead, so a missing tool can never pass silently there.
 */
public final class NativeTools {
  private NativeTools() {}

  public static void missing(String what, String install) {
    String message = what + " is missing: " + install;
    if ("true".equalsIgnoreCase(System.getenv("CI"))
        || Boolean.getBoolean("lienthong.requireNativeTools")) {
      throw new IllegalStateException(message);
    }
    Assumptions.abort(message);
  }
}
