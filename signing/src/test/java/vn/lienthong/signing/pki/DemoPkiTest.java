package vn.lienthong.signing.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPkiTest {

  @Test
  void createdOnceThenTheSamePkiAfterRestartWithItsBaseUrl(@TempDir Path dir) throws Exception {
    DemoPki first = DemoPki.openOrCreate(dir.resolve("pki"), "https://lienthong.example/pki/");
    DemoPki again = DemoPki.openOrCreate(dir.resolve("pki"), "http://ignored");
    assertThat(again.rootCertificate()).isEqualTo(first.rootCertificate());
    assertThat(again.certificateOf(DemoPki.SEAL)).isEqualTo(first.certificateOf(DemoPki.SEAL));
    assertThat(again.baseUrl()).isEqualTo("https://lienthong.example/pki");
    assertThat(again.respond("https://lienthong.example/pki/ca/root-ca.cer", new byte[0]))
        .get()
        .extracting(PkiResponse::body)
        .isEqualTo(first.rootCertificate().getEncoded());

    X509Certificate seal = again.certificateOf(DemoPki.SEAL);
    assertThat(seal.getSubjectX500Principal().toString())
        .contains("UBND quận Thanh Khê")
        .contains("000.00.31.H17");
    X509Certificate tsa = again.tsaCertificate();
    assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
    assertThat(tsa.getCriticalExtensionOIDs()).contains("2.5.29.37");
  }

  @Test
  void revocationShowsInCrlAndOcsp(@TempDir Path dir) throws Exception {
    DemoPki pki = DemoPki.openOrCreate(dir);
    X509Certificate clerk = pki.certificateOf(DemoPki.CLERK);
    assertThat(crl(pki).isRevoked(clerk)).isFalse();
    assertThat(ocspStatus(pki, clerk)).isNull();

    pki.revoke(clerk);

    assertThat(crl(pki).isRevoked(clerk)).isTrue();
    assertThat(ocspStatus(pki, clerk)).isInstanceOf(RevokedStatus.class);
    assertThat(DemoPki.openOrCreate(dir).isRevoked(clerk)).isTrue();
  }

  @Test
  void aKeyCompromiseDatedBackShowsThatTimeInCrlAndOcsp(@TempDir Path dir) throws Exception {
    DemoPki pki = DemoPki.openOrCreate(dir);
    X509Certificate leader = pki.certificateOf(DemoPki.LEADER);
    Instant since = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    assertThatThrownBy(() -> pki.revoke(leader, Instant.now().plus(Duration.ofMinutes(5))))
        .isInstanceOf(PkiException.class);
    assertThat(pki.isRevoked(leader)).isFalse();

    pki.revoke(leader, since);

    X509CRLEntry entry = crl(pki).getRevokedCertificate(leader);
    assertThat(entry.getRevocationDate().toInstant()).isEqualTo(since);
    assertThat(entry.getRevocationReason()).isEqualTo(java.security.cert.CRLReason.KEY_COMPROMISE);
    byte[] invalidity = entry.getExtensionValue(Extension.invalidityDate.getId());
    assertThat(
            ASN1GeneralizedTime.getInstance(ASN1OctetString.getInstance(invalidity).getOctets())
                .getDate()
                .toInstant())
        .isEqualTo(since);
    RevokedStatus status = (RevokedStatus) ocspStatus(pki, leader);
    assertThat(status.getRevocationTime().toInstant()).isEqualTo(since);
    assertThat(status.getRevocationReason()).isEqualTo(CRLReason.keyCompromise);
  }

  @Test
  void tsaAnswersRfc3161Requests(@TempDir Path dir) throws Exception {
    DemoPki pki = DemoPki.openOrCreate(dir);
    TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
    generator.setCertReq(true);
    var request = generator.generate(TSPAlgorithms.SHA256, new byte[32], BigInteger.TEN);
    byte[] reply =
        pki.client().post(pki.tsaUrl(), "application/timestamp-query", request.getEncoded());
    TimeStampResponse response = new TimeStampResponse(reply);
    response.validate(request);
    assertThat(response.getTimeStampToken().getTimeStampInfo().getPolicy().getId())
        .isEqualTo("1.3.6.1.4.1.59999.30.1");
  }

  @Test
  void theSameBytesAreServedOverHttp(@TempDir Path dir) throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    DemoPki pki = DemoPki.openOrCreate(dir, "http://127.0.0.1:" + port + "/pki");
    try (DemoPkiServer server = DemoPkiServer.start(pki)) {
      HttpPkiClient http = new HttpPkiClient(java.time.Duration.ofSeconds(5));
      assertThat(http.get(pki.caCertificateUrl(DemoPki.ISSUING)))
          .isEqualTo(pki.issuingCertificate().getEncoded());
      X509CRL crl =
          (X509CRL)
              CertificateFactory.getInstance("X.509")
                  .generateCRL(new ByteArrayInputStream(http.get(pki.crlUrl(DemoPki.ISSUING))));
      crl.verify(pki.issuingCertificate().getPublicKey());
      assertThat(server.port()).isEqualTo(port);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.get(pki.baseUrl() + "/nothing"))
          .isInstanceOf(PkiException.class)
          .hasMessageContaining("404");
    }
  }

  private static X509CRL crl(DemoPki pki) throws Exception {
    byte[] bytes = pki.client().get(pki.crlUrl(DemoPki.ISSUING));
    return (X509CRL)
        CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
  }

  private static Object ocspStatus(DemoPki pki, X509Certificate certificate) throws Exception {
    CertificateID id =
        new CertificateID(
            new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
            new JcaX509CertificateHolder(pki.issuingCertificate()),
            certificate.getSerialNumber());
    byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
    OCSPResp response =
        new OCSPResp(pki.client().post(pki.ocspUrl(), "application/ocsp-request", request));
    assertThat(response.getStatus()).isZero();
    return ((BasicOCSPResp) response.getResponseObject()).getResponses()[0].getCertStatus();
  }
}
