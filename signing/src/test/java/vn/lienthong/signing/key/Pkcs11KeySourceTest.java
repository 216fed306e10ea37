package vn.lienthong.signing.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.PdfSig;
import vn.lienthong.signing.SoftHsm;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.Verdict;

class Pkcs11KeySourceTest {

  @BeforeAll
  static void token() {
    SoftHsm.ensureToken();
  }

  // The tokens' logins are shared by the whole JVM: start each test logged out, whatever other
  // tests left open.
  @BeforeEach
  void loggedOut() {
    Pkcs11KeySource.closeAllTokens();
  }

  private static final String WRONG_PIN = "00000000";

  private static Pkcs11KeySource seal(String pin) {
    return new Pkcs11KeySource(
        SoftHsm.LIBRARY,
        TokenSelector.tokenLabel(SoftHsm.TOKEN),
        SoftHsm.KEY_LABEL,
        pin.toCharArray(),
        Duration.ofMillis(300));
  }

  @Test
  void signsOnTheTokenWithTheCertifiedKey() throws Exception {
    try (Pkcs11KeySource source = seal(SoftHsm.PIN);
        BorrowedKey key = source.borrow()) {
      byte[] data = "Số: 12/UBND-VP".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      Signature check = Signature.getInstance("SHA256withRSA");
      check.initVerify(key.certificate());
      check.update(data);
      assertThat(check.verify(key.sign(data))).isTrue();
      assertThat(key.chain()).hasSize(3);
      assertThat(key.certificate().getSubjectX500Principal().toString()).contains("000.00.31.H17");
    }
  }

  @Test
  void sealSignatureOnSoftHsmAtBltPassesBothVerifiers(@TempDir Path dir) {
    Path input = Fixtures.samplePdf(dir, 2);
    Path output = dir.resolve("sealed.pdf");
    try (Pkcs11KeySource source = seal(SoftHsm.PIN);
        BorrowedKey key = source.borrow()) {
      new PadesSigner(Fixtures.services())
          .sign(input, output, SignOptions.of(SignatureLevel.B_LT), key);
    }
    Verdict verdict = new PdfVerifier(Fixtures.services()).verify(output);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures().get(0).level()).isEqualTo("PAdES-BASELINE-LT");
    assertThat(PdfSig.check(output)).contains("Signature Validation: Signature is Valid.");
  }

  @Test
  void slotListIndexSelectsTheSameTokenAsItsLabel() {
    // SoftHSM orders its tokens by folder name (random): one of the first two indexes is ours.
    int found = 0;
    for (int index = 0; index < 2; index++) {
      try (Pkcs11KeySource source =
              new Pkcs11KeySource(
                  SoftHsm.LIBRARY,
                  TokenSelector.slotListIndex(index),
                  SoftHsm.KEY_LABEL,
                  SoftHsm.PIN.toCharArray());
          BorrowedKey key = source.borrow()) {
        assertThat(key.certificate()).isEqualTo(SoftHsm.ensureToken());
        found++;
      } catch (KeyNotFoundException e) {
        assertThat(e).hasMessageContaining("#" + index);
      }
    }
    assertThat(found).isEqualTo(1);
  }

  @Test
  void wrongPinIsRefusedEvenWhenTheTokenIsAlreadyLoggedIn() {
    try (Pkcs11KeySource good = seal(SoftHsm.PIN);
        Pkcs11KeySource bad = seal(WRONG_PIN)) {
      try (BorrowedKey key = good.borrow()) {
        assertThat(key.certificate()).isNotNull();
      }
      assertRefusedByComparison(bad::borrow);
    }
  }

  @Test
  void afterThreeWrongPinsTheSourceIsLockedWhileRightPinSourcesBorrow() {
    try (Pkcs11KeySource good = seal(SoftHsm.PIN);
        Pkcs11KeySource bad = seal(WRONG_PIN)) {
      good.borrow().close();
      for (int i = 0; i < 3; i++) {
        assertRefusedByComparison(bad::borrow);
      }
      assertThatThrownBy(bad::borrow)
          .isInstanceOf(PinLockedException.class)
          .hasMessageContaining("locked after 3 wrong PINs")
          .hasNoCause();
      try (BorrowedKey key = good.borrow()) {
        assertThat(key.certificate()).isEqualTo(SoftHsm.ensureToken());
      }
      try (Pkcs11KeySource another = seal(SoftHsm.PIN);
          BorrowedKey key = another.borrow()) {
        assertThat(key.certificate()).isEqualTo(SoftHsm.ensureToken());
      }
      try (Pkcs11KeySource anotherBad = seal(WRONG_PIN)) {
        assertRefusedByComparison(anotherBad::borrow); // the lock is the source's
      }
    }
  }

  @Test
  void aNewSourcePerGuessStillMeetsTheLimitOfTheLogin() {
    Pkcs11KeySource good = seal(SoftHsm.PIN);
    good.borrow().close(); // holds the token logged in
    for (int i = 0; i < Pkcs11KeySource.MAX_WRONG_PER_LOGIN; i++) {
      try (Pkcs11KeySource guess = seal(WRONG_PIN)) {
        assertRefusedByComparison(guess::borrow);
      }
    }
    for (String pin : List.of(WRONG_PIN, SoftHsm.PIN)) {
      try (Pkcs11KeySource late = seal(pin)) {
        assertThatThrownBy(late::borrow)
            .isInstanceOf(PinLockedException.class)
            .hasMessageContaining("no other key source may join this login");
      }
    }
    try (BorrowedKey key = good.borrow()) {
      assertThat(key.certificate()).isEqualTo(SoftHsm.ensureToken()); // joined before: unharmed
    }
    good.close(); // the last user: logged out
    try (Pkcs11KeySource again = seal(SoftHsm.PIN);
        BorrowedKey key = again.borrow()) {
      assertThat(key.certificate()).isEqualTo(SoftHsm.ensureToken()); // the token checked it
    }
  }

  @Test
  void wrongPinsRefusedByTheTokenCountAndALockedSourceNoLongerTriesItsPin() {
    try (Pkcs11KeySource bad =
        new Pkcs11KeySource(
            SoftHsm.LIBRARY,
            TokenSelector.tokenLabel(SoftHsm.TOKEN),
            SoftHsm.KEY_LABEL,
            WRONG_PIN.toCharArray(),
            Duration.ofMillis(300),
            2)) {
      assertRefusedByTheToken(bad::borrow);
      assertRefusedByTheToken(bad::borrow);
      // no cause: the token was not asked (a login attempt would fail with CKR_PIN_INCORRECT)
      assertThatThrownBy(bad::borrow)
          .isInstanceOf(PinLockedException.class)
          .hasMessageContaining("locked after 2 wrong PINs")
          .hasNoCause();
    }
  }

  @Test
  void aRightPinResetsTheCount() {
    // SunPKCS11 gives the token only the low byte of each PIN char, so this PIN opens the token
    // as SoftHsm.PIN does but hashes differently: the way to make one source's PIN wrong against
    // the login and right at the token. If the JDK ever changes that, the twin's login fails here.
    String twin = (char) (0x100 + SoftHsm.PIN.charAt(0)) + SoftHsm.PIN.substring(1);
    try (Pkcs11KeySource counted = seal(SoftHsm.PIN)) {
      try (Pkcs11KeySource twinSource = seal(twin)) {
        twinSource.borrow().close();
        assertRefusedByComparison(counted::borrow);
        assertRefusedByComparison(counted::borrow);
      }
      counted.borrow().close(); // logged out, so this logs in: right PIN, count back to 0
      Pkcs11KeySource.closeAllTokens(); // forget that login but keep the source
      try (Pkcs11KeySource twinSource = seal(twin)) {
        twinSource.borrow().close();
        assertRefusedByComparison(counted::borrow);
        assertRefusedByComparison(counted::borrow);
        assertRefusedByComparison(counted::borrow);
        assertThatThrownBy(counted::borrow).isInstanceOf(PinLockedException.class);
      }
    }
  }

  @Test
  void maxWrongPinsBelowOneIsRefused() {
    assertThatThrownBy(
            () ->
                new Pkcs11KeySource(
                    SoftHsm.LIBRARY,
                    TokenSelector.tokenLabel(SoftHsm.TOKEN),
                    SoftHsm.KEY_LABEL,
                    SoftHsm.PIN.toCharArray(),
                    Duration.ofMillis(300),
                    0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingTheLastSourceLogsTheTokenOut() {
    Pkcs11KeySource first = seal(SoftHsm.PIN);
    Pkcs11KeySource second = seal(SoftHsm.PIN);
    first.borrow().close();
    second.borrow().close();
    first.close();
    try (Pkcs11KeySource bad = seal(WRONG_PIN)) {
      assertRefusedByComparison(bad::borrow); // the second source still holds the login
    }
    second.close();
    try (Pkcs11KeySource bad = seal(WRONG_PIN)) {
      assertRefusedByTheToken(bad::borrow);
    }
    try (Pkcs11KeySource again = seal(SoftHsm.PIN);
        BorrowedKey key = again.borrow()) {
      assertThat(key.certificate()).isEqualTo(SoftHsm.ensureToken());
    }
  }

  @Test
  void aKeyLentWhenItsSourceClosesKeepsWorkingUntilGivenBack() throws Exception {
    Pkcs11KeySource source = seal(SoftHsm.PIN);
    BorrowedKey key = source.borrow();
    source.close();
    assertThatThrownBy(source::borrow).isInstanceOf(IllegalStateException.class);
    byte[] data = {1, 2, 3};
    Signature check = Signature.getInstance("SHA256withRSA");
    check.initVerify(key.certificate());
    check.update(data);
    assertThat(check.verify(key.sign(data))).isTrue();
    try (Pkcs11KeySource bad = seal(WRONG_PIN)) {
      assertRefusedByComparison(bad::borrow);
    }
    key.close();
    try (Pkcs11KeySource bad = seal(WRONG_PIN)) {
      assertRefusedByTheToken(bad::borrow);
    }
  }

  @Test
  void loggingInAgainReusesTheTokensProvider() {
    java.security.Provider first;
    try (Pkcs11KeySource source = seal(SoftHsm.PIN);
        BorrowedKey key = source.borrow()) {
      first = key.provider();
    }
    try (Pkcs11KeySource source = seal(SoftHsm.PIN);
        BorrowedKey key = source.borrow()) {
      assertThat(key.provider()).isSameAs(first);
    }
  }

  /** Refused by the salted-hash comparison: the token was logged in already. */
  private static void assertRefusedByComparison(ThrowingCallable borrow) {
    assertThatThrownBy(borrow)
        .isExactlyInstanceOf(WrongPinException.class)
        .hasMessageContaining("PIN")
        .hasNoCause();
  }

  /** Refused by the token itself at login: it was logged out. */
  private static void assertRefusedByTheToken(ThrowingCallable borrow) {
    assertThatThrownBy(borrow)
        .isExactlyInstanceOf(WrongPinException.class)
        .hasMessageContaining("Cannot log in")
        .hasStackTraceContaining("CKR_PIN_INCORRECT");
  }

  @Test
  void wrongPinAtFirstLoginIsWrongPin() {
    try (Pkcs11KeySource spare =
        new Pkcs11KeySource(
            SoftHsm.LIBRARY,
            TokenSelector.tokenLabel(SoftHsm.SPARE_TOKEN),
            "any",
            "11112222".toCharArray())) {
      assertThatThrownBy(spare::borrow).isInstanceOf(WrongPinException.class);
    }
  }

  @Test
  void missingKeyIsKeyNotFound() {
    try (Pkcs11KeySource source =
        new Pkcs11KeySource(
            SoftHsm.LIBRARY,
            TokenSelector.tokenLabel(SoftHsm.TOKEN),
            "leader",
            SoftHsm.PIN.toCharArray())) {
      assertThatThrownBy(source::borrow)
          .isInstanceOf(KeyNotFoundException.class)
          .hasMessageContaining("leader")
          .hasMessageContaining(SoftHsm.TOKEN)
          // the token's label contains "seal" too; the key labelled "seal" must not be named
          .satisfies(
              e ->
                  assertThat(e.getMessage().replace(SoftHsm.TOKEN, ""))
                      .doesNotContain(SoftHsm.KEY_LABEL));
    }
  }

  @Test
  void absentTokenLabelOrSlotOrLibraryIsTokenAbsent() {
    assertThatThrownBy(
            () ->
                new Pkcs11KeySource(
                        SoftHsm.LIBRARY,
                        TokenSelector.tokenLabel("no-such-token"),
                        "seal",
                        SoftHsm.PIN.toCharArray())
                    .borrow())
        .isInstanceOf(TokenAbsentException.class)
        .hasMessageContaining("no-such-token");
    assertThatThrownBy(
            () ->
                new Pkcs11KeySource(
                        SoftHsm.LIBRARY,
                        TokenSelector.slotListIndex(7),
                        "seal",
                        SoftHsm.PIN.toCharArray())
                    .borrow())
        .isInstanceOf(TokenAbsentException.class);
    assertThatThrownBy(
            () ->
                new Pkcs11KeySource(
                        Path.of("/usr/lib/no-such-pkcs11.so"),
                        TokenSelector.slotListIndex(0),
                        "seal",
                        SoftHsm.PIN.toCharArray())
                    .borrow())
        .isInstanceOf(TokenAbsentException.class)
        .hasMessageContaining("library not found");
  }

  @Test
  void aTokenInUseIsBusyUntilTheKeyIsGivenBack() {
    try (Pkcs11KeySource first = seal(SoftHsm.PIN);
        Pkcs11KeySource second = seal(SoftHsm.PIN)) {
      BorrowedKey held = first.borrow();
      assertThatThrownBy(second::borrow)
          .isInstanceOf(TokenBusyException.class)
          .hasMessageContaining("busy");
      held.close();
      try (BorrowedKey again = second.borrow()) {
        assertThat(again.certificate()).isNotNull();
      }
    }
  }
}
