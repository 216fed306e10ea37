package vn.lienthong.signing.bench;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.client.http.DataLoader;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.SoftHsm;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.key.TokenSelector;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.PkiClient;
import vn.lienthong.signing.validation.PdfVerifier;

/**
 * Our signing and verification against the same operations done the DSS-cookbook way (a new
 * certificate verifier, service and validator per call), and against the raw RSA-2048 rate of the
 * same keys. Run with {@code mvn -Pbench -DskipTests verify} (see the module README).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SigningBenchmark {

  /** small: 10 pages, ~100 KB; large: 1000 pages, ~10 MB. */
  @Param({"small", "large"})
  public String size;

  private Path work;
  private Path input;
  private Path ltInput;
  private Path output;
  private DemoPki pki;
  private TrustServices services;
  private PadesSigner signer;
  private PdfVerifier verifier;
  private PdfVerifier fastVerifier;
  private KeySource pkcs12;
  private KeySource hsm;
  private final byte[] digestSized = new byte[32];

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    work = Files.createTempDirectory(Fixtures.target(), "bench-");
    pki = Fixtures.pki();
    services = TrustServices.demo(pki);
    signer = new PadesSigner(services);
    verifier = new PdfVerifier(services);
    fastVerifier = new PdfVerifier(services, 0);
    pkcs12 = Fixtures.demoKey(DemoPki.SEAL);
    SoftHsm.ensureToken();
    hsm =
        new Pkcs11KeySource(
            SoftHsm.LIBRARY,
            TokenSelector.tokenLabel(SoftHsm.TOKEN),
            SoftHsm.KEY_LABEL,
            SoftHsm.PIN.toCharArray());
    input = BenchPdfs.scan(work.resolve("in.pdf"), size.equals("small") ? 10 : 1000);
    ltInput = work.resolve("lt.pdf");
    try (BorrowedKey key = pkcs12.borrow()) {
      signer.sign(
          input, ltInput, SignOptions.of(vn.lienthong.signing.pades.SignatureLevel.B_LT), key);
    }
    output = work.resolve("out.pdf");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    pkcs12.close();
    hsm.close();
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  // ------------------------------------------------------------------ raw key rates (baseline)

  @Benchmark
  public byte[] rawRsaPkcs12() {
    try (BorrowedKey key = pkcs12.borrow()) {
      return key.sign(digestSized);
    }
  }

  @Benchmark
  public byte[] rawRsaSoftHsm() {
    try (BorrowedKey key = hsm.borrow()) {
      return key.sign(digestSized);
    }
  }

  // ------------------------------------------------------------------ ours

  @Benchmark
  public Path signBbPkcs12() {
    try (BorrowedKey key = pkcs12.borrow()) {
      signer.sign(
          input, output, SignOptions.of(vn.lienthong.signing.pades.SignatureLevel.B_B), key);
    }
    return output;
  }

  /** A visible unit seal (Decree 30 appearance: seal image, unit name, signing time). */
  @Benchmark
  public Path signBbPkcs12Seal() {
    try (BorrowedKey key = pkcs12.borrow()) {
      signer.sign(
          input,
          output,
          SignOptions.of(vn.lienthong.signing.pades.SignatureLevel.B_B)
              .withAppearance(
                  new Appearance.Seal(
                      DemoPki.DEMO_UNIT, null, new Placement(1, 330, 620, 102, 126))),
          key);
    }
    return output;
  }

  @Benchmark
  public Path signBbSoftHsm() {
    try (BorrowedKey key = hsm.borrow()) {
      signer.sign(
          input, output, SignOptions.of(vn.lienthong.signing.pades.SignatureLevel.B_B), key);
    }
    return output;
  }

  @Benchmark
  public Object verifyBltOurs() {
    return verifier.verify(ltInput);
  }

  /** Without DSS's rendered-page comparison (object-level comparison only). */
  @Benchmark
  public Object verifyBltOursNoVisual() {
    return fastVerifier.verify(ltInput);
  }

  // ------------------------------------------------------------------ DSS cookbook (baseline)

  @Benchmark
  public DSSDocument signBbPkcs12Cookbook() {
    try (BorrowedKey key = pkcs12.borrow()) {
      return cookbookSign(key);
    }
  }

  @Benchmark
  public DSSDocument signBbSoftHsmCookbook() {
    try (BorrowedKey key = hsm.borrow()) {
      return cookbookSign(key);
    }
  }

  @Benchmark
  public Reports verifyBltCookbook() {
    SignedDocumentValidator validator =
        SignedDocumentValidator.fromDocument(new FileDocument(ltInput.toFile()));
    validator.setCertificateVerifier(cookbookVerifier());
    return validator.validateDocument();
  }

  private DSSDocument cookbookSign(BorrowedKey key) {
    try {
      return cookbookSignOnce(key);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private DSSDocument cookbookSignOnce(BorrowedKey key) throws java.io.IOException {
    PAdESService service = new PAdESService(cookbookVerifier());
    PAdESSignatureParameters parameters = new PAdESSignatureParameters();
    parameters.setSignatureLevel(SignatureLevel.PAdES_BASELINE_B);
    parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
    parameters.setSigningCertificate(new CertificateToken(key.certificate()));
    List<CertificateToken> chain = new ArrayList<>();
    for (X509Certificate c : key.chain()) {
      chain.add(new CertificateToken(c));
    }
    parameters.setCertificateChain(chain);
    parameters.bLevel().setSigningDate(new Date());
    DSSDocument document = new FileDocument(input.toFile());
    ToBeSigned toBeSigned = service.getDataToSign(document, parameters);
    SignatureValue value =
        new SignatureValue(
            eu.europa.esig.dss.enumerations.SignatureAlgorithm.RSA_SHA256,
            key.sign(toBeSigned.getBytes()));
    DSSDocument signed = service.signDocument(document, parameters, value);
    signed.save(output.toString());
    return signed;
  }

  private CommonCertificateVerifier cookbookVerifier() {
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
    trusted.addCertificate(new CertificateToken(pki.rootCertificate()));
    verifier.setTrustedCertSources(trusted);
    DataLoader loader = new DemoLoader(pki.client());
    verifier.setOcspSource(new OnlineOCSPSource(loader));
    verifier.setCrlSource(new OnlineCRLSource(loader));
    verifier.setAIASource(new DefaultAIASource(loader));
    return verifier;
  }

  /** The cookbook's data loader, pointed at the in-process demo PKI like ours. */
  static final class DemoLoader implements DataLoader {
    private static final long serialVersionUID = 1L;
    private final transient PkiClient client;

    DemoLoader(PkiClient client) {
      this.client = client;
    }

    @Override
    public byte[] get(String url) {
      return client.get(url);
    }

    @Override
    public DataAndUrl get(List<String> urls) {
      return new DataAndUrl(urls.get(0), client.get(urls.get(0)));
    }

    @Override
    public byte[] post(String url, byte[] content) {
      return client.post(url, "application/ocsp-request", content);
    }

    @Override
    public void setContentType(String contentType) {
      // one content type for the demo PKI
    }
  }
}
