package vn.lienthong.signing.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;

/**
 * The keys of a PKCS#12 file (demos without a token): the "PIN" is the file's password. Its
 * certificates are usually encrypted with that password too, so they are read once at start (the
 * password asked then, and forgotten); each batch opens the file again with the password it is
 * given.
 */
final class FileKeys implements SignerKeys {

  private final Path file;
  private final List<SignerCertificate> certificates;

  FileKeys(Path file, PinPrompt prompt) {
    this.file = file;
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("Không tìm thấy tệp khóa " + file);
    }
    List<SignerCertificate> read = read(null);
    if (read.isEmpty()) {
      Optional<char[]> password =
          prompt.password("Mật khẩu của tệp " + file.getFileName() + " (để đọc chứng thư số)");
      if (password.isEmpty()) {
        throw new IllegalStateException("Cần mật khẩu của tệp " + file + " để đọc chứng thư số");
      }
      try {
        read = read(password.get());
      } finally {
        Arrays.fill(password.get(), '\0');
      }
    }
    this.certificates = read;
  }

  private List<SignerCertificate> read(char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      List<SignerCertificate> out = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        Certificate[] chain = store.isKeyEntry(alias) ? store.getCertificateChain(alias) : null;
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
          continue;
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate c : chain) {
          certificates.add((X509Certificate) c);
        }
        out.add(
            new SignerCertificate(
                SignerKeys.id(certificates.get(0)),
                certificates,
                "tệp " + file.getFileName(),
                alias));
      }
      return out;
    } catch (IOException | GeneralSecurityException e) {
      if (password == null) {
        return List.of();
      }
      throw new IllegalStateException(
          "Không mở được tệp " + file + " (sai mật khẩu hoặc không phải PKCS#12)", e);
    }
  }

  @Override
  public List<SignerCertificate> certificates() {
    return certificates;
  }

  @Override
  public KeySource open(SignerCertificate certificate, char[] pin) {
    return new Pkcs12KeySource(file, pin, (String) certificate.handle());
  }
}
