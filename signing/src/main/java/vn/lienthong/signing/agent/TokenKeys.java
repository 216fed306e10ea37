package vn.lienthong.signing.agent;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.key.Pkcs11Tokens;
import vn.lienthong.signing.key.TokenAbsentException;
import vn.lienthong.signing.key.TokenSelector;

/**
 * The keys on the tokens of a PKCS#11 library: the selected token, or every token present. The
 * certificates are read without logging in (public objects); a private key is only seen after
 * login, so a certificate is listed when it is a signing certificate ({@link
 * SignerKeys#isSigning}), and the batch that uses it logs in and finds its key by the certificate.
 */
final class TokenKeys implements SignerKeys {

  private final Path library;
  private final TokenSelector selector;

  TokenKeys(Path library, TokenSelector selector) {
    this.library = library;
    this.selector = selector;
  }

  @Override
  public List<SignerCertificate> certificates() {
    List<Pkcs11Tokens.Token> tokens =
        Pkcs11Tokens.select(library, selector).stream()
            .filter(Pkcs11Tokens.Token::initialized)
            .toList();
    if (tokens.isEmpty()) {
      throw new TokenAbsentException(
          selector == null
              ? "No token in " + library.getFileName()
              : "No token " + selector + " in " + library.getFileName());
    }
    Map<String, SignerCertificate> found = new LinkedHashMap<>();
    for (Pkcs11Tokens.Token token : tokens) {
      List<X509Certificate> pool = new ArrayList<>();
      for (Pkcs11Tokens.TokenCertificate c : Pkcs11Tokens.certificates(library, token)) {
        pool.add(c.certificate());
      }
      for (X509Certificate certificate : pool) {
        if (SignerKeys.isSigning(certificate)) {
          found.putIfAbsent(
              SignerKeys.id(certificate),
              new SignerCertificate(
                  SignerKeys.id(certificate),
                  SignerKeys.chain(certificate, pool),
                  "USB token '" + token.label() + "'",
                  token));
        }
      }
    }
    return List.copyOf(found.values());
  }

  @Override
  public KeySource open(SignerCertificate certificate, char[] pin) {
    Pkcs11Tokens.Token token = (Pkcs11Tokens.Token) certificate.handle();
    // The slot the certificate was read from. Should the tokens have changed since, the key found
    // is checked against the certificate before anything is signed.
    return Pkcs11KeySource.forCertificate(
        library,
        TokenSelector.slotListIndex(token.slotListIndex()),
        certificate.certificate(),
        pin);
  }

  @Override
  public Pkcs11Tokens.PinState pinState(SignerCertificate certificate) {
    return Pkcs11Tokens.pinState(library, (Pkcs11Tokens.Token) certificate.handle());
  }
}
