package vn.lienthong.application.security;

import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Password hashes as the login realm reads them: bcrypt in modular crypt form ($2a$10$...). The
 * realm's query answers a fixed hash of the same cost for an unknown account (40-security.cli), so
 * an unknown name costs a login what a known one does.
 */
public final class Passwords {
  /** bcrypt cost 10: about 50 ms a check on this hardware, slow enough against guessing. */
  public static final int BCRYPT_COST = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  private Passwords() {}

  public static String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate("2a", password.toCharArray(), salt, BCRYPT_COST);
  }

  public static boolean matches(String hash, String password) {
    try {
      return hash != null && OpenBSDBCrypt.checkPassword(hash, password.toCharArray());
    } catch (IllegalArgumentException e) {
      return false; // not a bcrypt hash
    }
  }
}
