package vn.lienthong.signing.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.SoftHsm;
import vn.lienthong.signing.pki.DemoPki;

/**
 * Reading tokens without a login, and keys found by their certificate (the signing agent's way).
 */
class Pkcs11TokensTest {

  private static X509Certificate seal;

  @BeforeAll
  static void token() {
    seal = SoftHsm.ensureToken();
  }

  @BeforeEach
  void loggedOut() {
    Pkcs11KeySource.closeAllTokens();
  }

  private static Pkcs11Tokens.Token sealToken() {
    List<Pkcs11Tokens.Token> tokens =
        Pkcs11Tokens.select(SoftHsm.LIBRARY, TokenSelector.tokenLabel(SoftHsm.TOKEN));
    assertThat(tokens).hasSize(1);
    return tokens.get(0);
  }

  @Test
  void listsTheTokensAndTheirCertificatesWithoutLoggingIn() {
    List<Pkcs11Tokens.Token> tokens = Pkcs11Tokens.tokens(SoftHsm.LIBRARY);
    assertThat(tokens)
        .filteredOn(Pkcs11Tokens.Token::initialized)
        .extracting(Pkcs11Tokens.Token::label)
        .containsExactlyInAnyOrder(SoftHsm.TOKEN, SoftHsm.SPARE_TOKEN);
    Pkcs11Tokens.Token token = sealToken();
    assertThat(
            Pkcs11Tokens.select(
                SoftHsm.LIBRARY, TokenSelector.slotListIndex(token.slotListIndex())))
        .containsExactly(token);

    List<Pkcs11Tokens.TokenCertificate> certificates =
        Pkcs11Tokens.certificates(SoftHsm.LIBRARY, token);

    assertThat(certificates)
        .extracting(Pkcs11Tokens.TokenCertificate::label)
        .containsExactlyInAnyOrder(SoftHsm.KEY_LABEL, "issuing-ca", "root-ca");
    assertThat(certificates)
        .extracting(Pkcs11Tokens.TokenCertificate::certificate)
        .contains(seal, Fixtures.pki().rootCertificate());
    assertThat(Pkcs11Tokens.pinState(SoftHsm.LIBRARY, token))
        .isIn(Pkcs11Tokens.PinState.OK, Pkcs11Tokens.PinState.COUNT_LOW);
  }

  @Test
  void aMissingLibraryIsTokenAbsent() {
    assertThatThrownBy(() -> Pkcs11Tokens.tokens(Path.of("/nonexistent/libp11.so")))
        .isInstanceOf(TokenAbsentException.class)
        .hasMessageContaining("library not found");
  }

  @Test
  void aKeyFoundByItsCertificateSignsWithEachRsaAlgorithm() throws Exception {
    Pkcs11Tokens.Token token = sealToken();
    byte[] data = "Số: 12/UBND-VP".getBytes(StandardCharsets.UTF_8);
    try (Pkcs11KeySource source =
            Pkcs11KeySource.forCertificate(
                SoftHsm.LIBRARY,
                TokenSelector.slotListIndex(token.slotListIndex()),
                seal,
                SoftHsm.PIN.toCharArray());
        BorrowedKey key = source.borrow()) {
      assertThat(key.certificate()).isEqualTo(seal);
      for (String algorithm : List.of("SHA256withRSA", "SHA384withRSA", "SHA512withRSA")) {
        Signature check = Signature.getInstance(algorithm);
        check.initVerify(seal);
        check.update(data);
        assertThat(check.verify(key.sign(data, algorithm))).as(algorithm).isTrue();
      }
      assertThatThrownBy(() -> key.sign(data, "SHA256withECDSA"))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("does not make SHA256withECDSA");
      assertThatThrownBy(() -> key.sign(data, "MD5withRSA")).isInstanceOf(SigningException.class);
    }
  }

  @Test
  void aCertificateWhoseKeyIsNotOnTheTokenIsKeyNotFound() {
    X509Certificate leader = Fixtures.pki().certificateOf(DemoPki.LEADER);
    try (Pkcs11KeySource source =
        Pkcs11KeySource.forCertificate(
            SoftHsm.LIBRARY,
            TokenSelector.tokenLabel(SoftHsm.TOKEN),
            leader,
            SoftHsm.PIN.toCharArray())) {
      assertThatThrownBy(source::borrow)
          .isInstanceOf(KeyNotFoundException.class)
          .hasMessageContaining("Nguyễn Văn Hùng")
          .hasMessageNotContaining("'" + SoftHsm.KEY_LABEL + "'");
    }
  }

  @Test
  void fitsNamesTheAlgorithmsOfEachKeyType() {
    X509Certificate rsa = Fixtures.pki().certificateOf(DemoPki.LEADER);
    assertThat(BorrowedKey.fits("SHA384withRSA", rsa)).isTrue();
    assertThat(BorrowedKey.fits("SHA256withECDSA", rsa)).isFalse();
    assertThat(BorrowedKey.fits("SHA1withRSA", rsa)).isFalse();
    assertThat(BorrowedKey.fits(null, rsa)).isFalse();
  }
}
