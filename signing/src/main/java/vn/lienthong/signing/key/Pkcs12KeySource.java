package vn.lienthong.signing.key;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A key in a PKCS#12 file: the embedded demo and machines without a token. The file is read once;
 * each borrow lends the same in-memory key.
 */
public final class Pkcs12KeySource implements KeySource {

  private final Path file;
  private final String alias;
  private final PrivateKey key;
  private final List<X509Certificate> chain;

  /**
   * Opens the file. {@code alias} may be null when the file holds one key. The password is only
   * used here and not kept.
   */
  public Pkcs12KeySource(Path file, char[] password, String alias) {
    this.file = file;
    if (!Files.isRegularFile(file)) {
      throw new TokenAbsentException("PKCS#12 file not found: " + file);
    }
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (IOException e) {
      if (e.getCause() instanceof java.security.UnrecoverableKeyException
          || String.valueOf(e.getMessage())
              .toLowerCase(java.util.Locale.ROOT)
              .contains("password")) {
        throw new WrongPinException("The password of " + file.getFileName() + " is wrong", e);
      }
      throw new TokenAbsentException(
          "Cannot read PKCS#12 file " + file + " (damaged or not PKCS#12)", e);
    } catch (GeneralSecurityException e) {
      throw new TokenAbsentException("Cannot read PKCS#12 file " + file, e);
    }
    try {
      List<String> keyAliases = new ArrayList<>();
      for (String a : Collections.list(store.aliases())) {
        if (store.isKeyEntry(a)) {
          keyAliases.add(a);
        }
      }
      String chosen = alias;
      if (chosen == null) {
        if (keyAliases.size() != 1) {
          throw new KeyNotFoundException(
              file.getFileName()
                  + " holds "
                  + keyAliases.size()
                  + " keys "
                  + keyAliases
                  + ": name one");
        }
        chosen = keyAliases.get(0);
      } else if (!keyAliases.contains(chosen)) {
        throw new KeyNotFoundException(
            "No key '" + chosen + "' in " + file.getFileName() + "; keys there: " + keyAliases);
      }
      this.alias = chosen;
      this.key = (PrivateKey) store.getKey(chosen, password);
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate c : store.getCertificateChain(chosen)) {
        certificates.add((X509Certificate) c);
      }
      this.chain = List.copyOf(certificates);
    } catch (java.security.UnrecoverableKeyException e) {
      throw new WrongPinException("The key password of " + file.getFileName() + " is wrong", e);
    } catch (GeneralSecurityException e) {
      throw new KeyNotFoundException("Cannot read the key in " + file.getFileName(), e);
    }
  }

  public String alias() {
    return alias;
  }

  @Override
  public BorrowedKey borrow() {
    return new BorrowedKey(key, null, chain, () -> {});
  }

  @Override
  public void close() {
    // the key is garbage once this source is
  }

  @Override
  public String toString() {
    return "PKCS#12 " + file.getFileName() + " [" + alias + "]";
  }
}
