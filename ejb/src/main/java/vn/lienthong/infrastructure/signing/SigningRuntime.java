package vn.lienthong.infrastructure.signing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.infinispan.Cache;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.application.signing.SignatureServices;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.UnavailableException;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pki.CachingPkiClient;
import vn.lienthong.signing.pki.CertificateHolder;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.HttpPkiClient;
import vn.lienthong.signing.pki.PkiClient;
import vn.lienthong.signing.pki.PkiResponse;
import vn.lienthong.signing.validation.NoTrustAnchorsException;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.TrustAnchors;

/**
 * The signing engine made once for the server from its settings. In demo mode: the demo PKI (kept
 * in the data folder, its services reached in process and served over HTTP under /pki by the web
 * module), a demo key per leader and a demo seal per unit. In production: the trust anchors folder,
 * the TSA and service URLs, and the seal keys of LIENTHONG_SEAL_KEYS. CRLs, OCSP answers and CA
 * certificates go through the "revocation" cache.
 */
@ApplicationScoped
public class SigningRuntime implements SignatureServices {
  private static final Logger LOG = Logger.getLogger(SigningRuntime.class);

  /** How long a CRL or OCSP answer is reused: a revocation is seen at the latest this late. */
  static final Duration REVOCATION_TTL = Duration.ofMinutes(5);

  /** Health probes of tokens and the TSA are repeated at most this often. */
  private static final Duration PROBE_INTERVAL = Duration.ofSeconds(30);

  @Inject Settings settings;

  @Resource(lookup = "java:jboss/infinispan/cache/lienthong/revocation")
  Cache<String, byte[]> revocationCache;

  @Resource(lookup = "java:jboss/infinispan/cache/lienthong/verdicts")
  Cache<String, Object> verdictCache;

  @Resource(lookup = "java:jboss/infinispan/cache/lienthong/reports")
  Cache<String, Object> reportCache;

  private DemoPki demoPki;
  private TrustServices trust;
  private PadesSigner signer;
  private PdfVerifier verifier;
  private String fingerprint;
  private String setupProblem;
  private final Map<String, SealKeyConfig.Entry> configuredSeals = new LinkedHashMap<>();
  private final Map<String, KeySource> demoKeys = new ConcurrentHashMap<>();
  private volatile Probe lastProbe;

  private record Probe(Instant at, List<String> problems) {}

  @PostConstruct
  void init() {
    try {
      Path temp = Files.createDirectories(settings.dataDirectory().resolve("tmp"));
      if (settings.demoMode()) {
        demoPki =
            DemoPki.openOrCreate(
                settings.dataDirectory().resolve("pki"), settings.publicUrl() + "/pki");
        PkiClient cached =
            new CachingPkiClient(
                demoPki.client(), new InfinispanResponseCache(revocationCache), REVOCATION_TTL);
        TrustServices demo = TrustServices.demo(demoPki);
        trust =
            new TrustServices(demo.trustAnchors(), cached, demo.tsaUrl(), temp, demo.serviceUrls());
        LOG.infof("demo PKI at %s, served under %s", demoPki.directory(), demoPki.baseUrl());
      } else {
        List<X509Certificate> anchors = List.of();
        try {
          anchors =
              settings
                  .trustAnchorsFolder()
                  .filter(Files::isDirectory)
                  .map(f -> TrustAnchors.fromFolder(f).certificates())
                  .orElse(List.of());
        } catch (NoTrustAnchorsException e) {
          // an empty folder is no anchors: readiness says so, and the rest is still checked
          LOG.warn(e.getMessage());
        }
        List<String> urls = new ArrayList<>(settings.serviceUrls());
        settings.tsaUrl().ifPresent(urls::add);
        PkiClient cached =
            new CachingPkiClient(
                new HttpPkiClient(Duration.ofSeconds(10)),
                new InfinispanResponseCache(revocationCache),
                REVOCATION_TTL);
        trust = new TrustServices(anchors, cached, settings.tsaUrl(), temp, urls);
      }
      if (!trust.trustAnchors().isEmpty()) {
        signer = new PadesSigner(trust);
        verifier = new PdfVerifier(trust);
      }
      fingerprint = fingerprint(trust);
      if (settings.sealKeysFile().isPresent()) {
        configuredSeals.putAll(SealKeyConfig.read(settings.sealKeysFile().get()));
      }
    } catch (Exception e) {
      // Reported by readiness; the rest of the server (the exchange) keeps working.
      setupProblem = "cấu hình ký số lỗi: " + e.getMessage();
      LOG.error("signing is not available", e);
    }
  }

  @PreDestroy
  void close() {
    for (SealKeyConfig.Entry e : configuredSeals.values()) {
      if (e.source() != null) {
        closeQuietly(e.source());
      }
    }
    demoKeys.values().forEach(SigningRuntime::closeQuietly);
  }

  @Override
  public PadesSigner signer() {
    if (signer == null) {
      throw unavailable();
    }
    return signer;
  }

  @Override
  public PdfVerifier verifier() {
    if (verifier == null) {
      throw unavailable();
    }
    return verifier;
  }

  private UnavailableException unavailable() {
    return new UnavailableException(
        setupProblem != null
            ? "Dịch vụ ký số chưa sẵn sàng: cấu hình ký số lỗi."
            : "Dịch vụ ký số chưa sẵn sàng: chưa cấu hình chứng thư gốc tin cậy.");
  }

  @Override
  public String trustFingerprint() {
    return fingerprint;
  }

  @Override
  public KeySource seal(String unitCode) {
    SealKeyConfig.Entry configured = configuredSeals.get(unitCode);
    if (configured != null) {
      if (configured.source() == null) {
        throw new UnavailableException(
            "Khóa con dấu của đơn vị không mở được (" + configured.description() + ").");
      }
      return configured.source();
    }
    if (demoPki != null) {
      return demoKey("seal-" + unitCode)
          .orElseThrow(() -> new UnavailableException("Đơn vị chưa có khóa con dấu (demo)."));
    }
    throw new UnavailableException(
        "Đơn vị chưa được cấu hình khóa ký số của cơ quan (con dấu trên HSM).");
  }

  @Override
  public Optional<KeySource> demoLeaderKey(String username) {
    return demoPki == null ? Optional.empty() : demoKey("leader-" + username);
  }

  private Optional<KeySource> demoKey(String holderId) {
    if (!Files.exists(demoPki.directory().resolve(holderId + ".p12"))) {
      return Optional.empty();
    }
    return Optional.of(
        demoKeys.computeIfAbsent(
            holderId,
            id ->
                new Pkcs12KeySource(
                    demoPki.keyStoreOf(id), DemoPki.DEMO_PASSWORD.toCharArray(), null)));
  }

  @Override
  public Optional<PkiResponse> demoPki(String path, byte[] body) {
    if (demoPki == null || !path.startsWith("/")) {
      return Optional.empty();
    }
    return demoPki.respond(demoPki.baseUrl() + path, body);
  }

  /** Demo mode: the PKI, for the demo identities. */
  public Optional<DemoPki> demoPki() {
    return Optional.ofNullable(demoPki);
  }

  /**
   * Demo mode, first start: a personal certificate for a leader (name, position, unit) and its key,
   * kept in the PKI folder. Returns the certificate, existing or new.
   */
  public X509Certificate ensureDemoLeader(
      String username, String fullName, String position, String unitName, String organCode) {
    String id = "leader-" + username;
    if (Files.exists(demoPki.directory().resolve(id + ".p12"))) {
      return demoPki.certificateOf(id);
    }
    // "(demo)" in the organisation: every verdict on a demo signature says what it is.
    return demoPki.issue(
        new CertificateHolder.Person(id, fullName, position, unitName + " (demo)", organCode));
  }

  /** Demo mode, first start: the unit's seal certificate and key, unless configured otherwise. */
  public void ensureDemoSeal(String unitName, String organCode) {
    String id = "seal-" + organCode;
    if (configuredSeals.containsKey(organCode)
        || Files.exists(demoPki.directory().resolve(id + ".p12"))) {
      return;
    }
    demoPki.issue(new CertificateHolder.Organisation(id, unitName, organCode));
  }

  @Override
  public void revokeDemoCertificate(byte[] der, Instant compromisedSince) {
    if (demoPki == null) {
      throw new vn.lienthong.domain.NotFoundException("Không có PKI demo ngoài chế độ demo.");
    }
    X509Certificate certificate;
    try {
      certificate =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException | RuntimeException e) {
      throw InvalidInputException.field("certificate", "Không phải chứng thư số X.509 (DER).");
    }
    if (!certificate
        .getIssuerX500Principal()
        .equals(demoPki.issuingCertificate().getSubjectX500Principal())) {
      throw InvalidInputException.field("certificate", "Chứng thư số không do CA demo cấp.");
    }
    if (compromisedSince.isBefore(certificate.getNotBefore().toInstant())) {
      throw InvalidInputException.field(
          "compromisedSince", "Thời điểm lộ khóa trước khi chứng thư số có hiệu lực.");
    }
    demoPki.revoke(certificate, compromisedSince);
    // The CA's own act: the next CRL and OCSP answers say so, and nothing cached says otherwise.
    revocationCache.clear();
    verdictCache.clear();
    reportCache.clear();
    LOG.infof(
        "demo certificate %s revoked, key compromised since %s",
        certificate.getSerialNumber().toString(16), compromisedSince);
  }

  @Override
  public List<String> problems() {
    Probe p = lastProbe;
    Instant now = Instant.now();
    if (p == null || p.at().plus(PROBE_INTERVAL).isBefore(now)) {
      p = new Probe(now, probe());
      lastProbe = p;
    }
    return p.problems();
  }

  private List<String> probe() {
    List<String> problems = new ArrayList<>();
    if (setupProblem != null) {
      problems.add(setupProblem);
      return problems;
    }
    if (trust.trustAnchors().isEmpty()) {
      problems.add(
          "không có chứng thư gốc tin cậy (LIENTHONG_TRUST_ANCHORS): không thể xác thực chữ ký");
    }
    if (trust.tsaUrl().isEmpty()) {
      problems.add("chưa cấu hình dịch vụ cấp dấu thời gian (LIENTHONG_TRUST_TSA_URL)");
    } else {
      String tsa = trust.tsaUrl().get();
      try {
        byte[] digest = new byte[32];
        new SecureRandom().nextBytes(digest);
        TimeStampRequestGenerator g = new TimeStampRequestGenerator();
        g.setCertReq(true);
        var request =
            g.generate(TSPAlgorithms.SHA256, digest, BigInteger.valueOf(System.nanoTime()));
        byte[] answer =
            trust.pkiClient().post(tsa, "application/timestamp-query", request.getEncoded());
        TimeStampResponse response = new TimeStampResponse(answer);
        response.validate(request);
        if (response.getTimeStampToken() == null) {
          problems.add("dịch vụ cấp dấu thời gian từ chối yêu cầu: " + tsa);
        }
      } catch (Exception e) {
        problems.add(
            "dịch vụ cấp dấu thời gian không trả lời: " + tsa + " (" + e.getMessage() + ")");
      }
    }
    for (SealKeyConfig.Entry e : configuredSeals.values()) {
      if (e.source() == null) {
        problems.add(
            "khóa con dấu của đơn vị "
                + e.unitCode()
                + " ("
                + e.description()
                + "): "
                + e.problem());
        continue;
      }
      try (var key = e.source().borrow()) {
        key.certificate().checkValidity();
      } catch (Exception ex) {
        problems.add(
            "khóa con dấu của đơn vị "
                + e.unitCode()
                + " ("
                + e.description()
                + ") không dùng được: "
                + ex.getClass().getSimpleName()
                + " "
                + ex.getMessage());
      }
    }
    return problems;
  }

  /** The configured tokens and what they are, for health output. */
  public Map<String, String> sealTokens() {
    Map<String, String> out = new LinkedHashMap<>();
    configuredSeals.forEach((unit, e) -> out.put(unit, e.description()));
    return out;
  }

  private static String fingerprint(TrustServices trust) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (X509Certificate c : trust.trustAnchors()) {
        sha.update(c.getEncoded());
      }
      for (String url : trust.serviceUrls()) {
        sha.update(url.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 8);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void closeQuietly(KeySource source) {
    try {
      source.close();
    } catch (Exception e) {
      LOG.debugf("closing a key source: %s", e.getMessage());
    }
  }
}
