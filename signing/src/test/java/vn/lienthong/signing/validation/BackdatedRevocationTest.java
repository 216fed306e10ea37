package vn.lienthong.signing.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.CertificateHolder;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.PkiClient;
import vn.lienthong.signing.pki.PkiException;

/**
 * A leader's token is stolen; the CA revokes the certificate for key compromise dated back to
 * before a signature was made. The next verification of that signature must not pass, though a B-LT
 * document carries an OCSP "good" from when it was signed; what was signed before the compromise
 * still passes. Each test signs with a certificate of its own, so that revoking it touches no other
 * test.
 */
class BackdatedRevocationTest {

  /** The serial numbers asked about in the OCSP requests the verifier made. */
  private final List<BigInteger> asked = new CopyOnWriteArrayList<>();

  @Test
  void aCompromiseDatedBeforeAB_LTSignatureFailsItAtTheNextVerification(@TempDir Path dir) {
    DemoPki pki = Fixtures.pki();
    String holder = holder(pki, "stolen-lt");
    Instant before = Instant.now();
    // B-T, then B-LT a second later: the OCSP "good" in the document is then surely issued after
    // the timestamp (signed at B-LT directly, it may fall in the timestamp's own second), the
    // case in which DSS by itself would take the document's answer and ask no responder
    Path timestamped = signed(dir, holder, SignatureLevel.B_T);
    awaitPast(Instant.now().plusMillis(1100));
    Path pdf = dir.resolve("stolen-lt-extended.pdf");
    new PadesSigner(Fixtures.services()).extend(timestamped, pdf, SignatureLevel.B_LT);
    // one verifier before and after, as the server keeps one: nothing of the first answer stays
    PdfVerifier verifier = new PdfVerifier(watched(pki));
    assertThat(verifier.verify(pdf).indication()).isEqualTo(Indication.TOTAL_PASSED);
    // the responder's next answer must come in a later second than the document's own: of two
    // answers of the same second DSS may keep either (OCSP times are whole seconds)
    awaitPast(Instant.now().plusMillis(1100));

    pki.revoke(pki.certificateOf(holder), before.minus(Duration.ofMinutes(30)));
    asked.clear();

    Verdict verdict = verifier.verify(pdf);
    assertThat(verdict.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures().get(0).indication()).isEqualTo(Indication.INDETERMINATE);
    assertThat(verdict.signatures().get(0).subIndication()).isEqualTo("REVOKED_NO_POE");
    // the document's own OCSP answer said "good": the verifier asked for the current status
    assertThat(asked).contains(pki.certificateOf(holder).getSerialNumber());
  }

  @Test
  void aCompromiseDatedBeforeAB_TSignatureFailsIt(@TempDir Path dir) {
    DemoPki pki = Fixtures.pki();
    String holder = holder(pki, "stolen-t");
    Instant before = Instant.now();
    Path pdf = signed(dir, holder, SignatureLevel.B_T);

    pki.revoke(pki.certificateOf(holder), before.minus(Duration.ofMinutes(30)));

    Verdict verdict = new PdfVerifier(watched(pki)).verify(pdf);
    assertThat(verdict.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures().get(0).subIndication()).isEqualTo("REVOKED_NO_POE");
  }

  @Test
  void aRevocationAfterTheSignaturesTimestampLeavesItPassed(@TempDir Path dir) {
    DemoPki pki = Fixtures.pki();
    String holder = holder(pki, "revoked-later");
    Path lt = signed(dir, holder, SignatureLevel.B_LT);
    Path t = signed(dir, holder, SignatureLevel.B_T);
    PdfVerifier verifier = new PdfVerifier(watched(pki));
    Instant timestamped = verifier.verify(t).signatures().get(0).signingTime().toInstant();
    // OCSP and timestamp times are whole seconds: a revocation in the timestamp's own second is
    // not after it, so this one comes in a later second
    awaitPast(timestamped.plusSeconds(2));

    pki.revoke(pki.certificateOf(holder));
    asked.clear();

    assertThat(verifier.verify(lt).indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verifier.verify(t).indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(asked).contains(pki.certificateOf(holder).getSerialNumber());
  }

  @Test
  void aB_LTDocumentStillPassesOnItsOwnDataWhenNoResponderAnswers(@TempDir Path dir) {
    DemoPki pki = Fixtures.pki();
    Path pdf = signed(dir, holder(pki, "offline"), SignatureLevel.B_LT);
    PkiClient down =
        new PkiClient() {
          @Override
          public byte[] get(String url) {
            throw new PkiException("unreachable: " + url);
          }

          @Override
          public byte[] post(String url, String contentType, byte[] body) {
            throw new PkiException("unreachable: " + url);
          }
        };
    TrustServices offline =
        new TrustServices(TrustAnchors.of(pki.rootCertificate()), down, pki.tsaUrl())
            .withServiceUrls(List.of(pki.baseUrl() + "/"));

    assertThat(new PdfVerifier(offline).verify(pdf).indication())
        .isEqualTo(Indication.TOTAL_PASSED);
  }

  private static String holder(DemoPki pki, String id) {
    pki.issue(
        new CertificateHolder.Person(
            id, "Trần Văn " + id, "Phó Chủ tịch", DemoPki.DEMO_UNIT, DemoPki.DEMO_ORGAN_CODE));
    return id;
  }

  private static Path signed(Path dir, String holder, SignatureLevel level) {
    Path input = Fixtures.samplePdf(dir, 1);
    Path output = dir.resolve(holder + "-" + level + ".pdf");
    DemoPki pki = Fixtures.pki();
    try (Pkcs12KeySource source =
            new Pkcs12KeySource(pki.keyStoreOf(holder), DemoPki.DEMO_PASSWORD.toCharArray(), null);
        BorrowedKey key = source.borrow()) {
      new PadesSigner(Fixtures.services()).sign(input, output, SignOptions.of(level), key);
    }
    return output;
  }

  /** The demo PKI in process, with the OCSP requests' serial numbers noted. */
  private TrustServices watched(DemoPki pki) {
    PkiClient inner = pki.client();
    PkiClient client =
        new PkiClient() {
          @Override
          public byte[] get(String url) {
            return inner.get(url);
          }

          @Override
          public byte[] post(String url, String contentType, byte[] body) {
            if ("application/ocsp-request".equals(contentType)) {
              try {
                for (var request : new OCSPReq(body).getRequestList()) {
                  asked.add(request.getCertID().getSerialNumber());
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }
            return inner.post(url, contentType, body);
          }
        };
    return new TrustServices(TrustAnchors.of(pki.rootCertificate()), client, pki.tsaUrl())
        .withServiceUrls(List.of(pki.baseUrl() + "/"));
  }

  private static void awaitPast(Instant moment) {
    long wait = Duration.between(Instant.now(), moment).toMillis();
    if (wait > 0) {
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
