package vn.lienthong.signing.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The demo PKI: root CA, issuing CA, a TSA, an OCSP responder and the certificates of the demo
 * unit's people and seal. For development, tests and the embedded demo only; production trusts the
 * national roots and never this PKI.
 *
 * <p>It is created once into a folder and loaded from it afterwards, so the same PKI survives a
 * restart. CRLs, OCSP responses and timestamps are made on request with BouncyCastle by {@link
 * #respond}, which takes a URL and a request body and answers with bytes: the server can later
 * serve exactly these bytes under the base URL (default {@value #DEFAULT_BASE_URL}), and until then
 * the signing and validation services reach them in process.
 */
public final class DemoPki {

  public static final String DEFAULT_BASE_URL = "http://localhost:8080/pki";

  /** Password of the demo PKCS#12 files. Demo keys are not secrets; real keys live on tokens. */
  public static final String DEMO_PASSWORD = "demo";

  public static final String ROOT = "root-ca";
  public static final String ISSUING = "issuing-ca";
  public static final String TSA = "tsa";
  public static final String OCSP = "ocsp";
  public static final String LEADER = "leader";
  public static final String CLERK = "clerk";
  public static final String SEAL = "seal";

  /** The demo unit of the source article: UBND quận Thanh Khê, Đà Nẵng. */
  public static final String DEMO_UNIT = "UBND quận Thanh Khê";

  public static final String DEMO_ORGAN_CODE = "000.00.31.H17";

  /** A private-arc OID for the demo TSA policy; it only has to be stable. */
  static final ASN1ObjectIdentifier TSA_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.59999.30.1");

  private static final String ALIAS = "key";
  private static final String SIGNATURE_ALGORITHM = "SHA256withRSA";
  private static final Duration CRL_VALIDITY = Duration.ofDays(1);

  private final Path directory;
  private final String baseUrl;
  private final Identity root;
  private final Identity issuing;
  private final Identity tsa;
  private final Identity ocsp;
  private final RevocationIndex index;
  private final SecureRandom random = new SecureRandom();

  private DemoPki(Path directory, String baseUrl) {
    this.directory = directory;
    this.baseUrl = baseUrl;
    this.root = Identity.load(directory.resolve(ROOT + ".p12"));
    this.issuing = Identity.load(directory.resolve(ISSUING + ".p12"));
    this.tsa = Identity.load(directory.resolve(TSA + ".p12"));
    this.ocsp = Identity.load(directory.resolve(OCSP + ".p12"));
    this.index = new RevocationIndex(directory.resolve("index.tsv"));
  }

  /** Loads the PKI from the folder, creating it there first if it does not exist yet. */
  public static DemoPki openOrCreate(Path directory) {
    return openOrCreate(directory, DEFAULT_BASE_URL);
  }

  /**
   * Loads the PKI from the folder, or creates it with the given base URL. The base URL is written
   * into the certificates, so an existing PKI keeps the URL it was created with.
   */
  public static DemoPki openOrCreate(Path directory, String baseUrl) {
    Path settings = directory.resolve("pki.properties");
    if (!Files.exists(settings)) {
      create(directory, stripSlash(baseUrl));
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(settings)) {
      properties.load(in);
    } catch (IOException e) {
      throw new PkiException("Cannot read demo PKI settings in " + directory, e);
    }
    return new DemoPki(directory, properties.getProperty("baseUrl", DEFAULT_BASE_URL));
  }

  public Path directory() {
    return directory;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public X509Certificate rootCertificate() {
    return root.certificate();
  }

  public X509Certificate issuingCertificate() {
    return issuing.certificate();
  }

  public X509Certificate tsaCertificate() {
    return tsa.certificate();
  }

  /** The folder holding the root certificate alone: what a verifier should trust. */
  public Path trustFolder() {
    return directory.resolve("trust");
  }

  /** The PKCS#12 file (password {@value #DEMO_PASSWORD}) of a holder issued by this PKI. */
  public Path keyStoreOf(String holderId) {
    Path file = directory.resolve(holderId + ".p12");
    if (!Files.exists(file)) {
      throw new PkiException("The demo PKI has no key store for '" + holderId + "'");
    }
    return file;
  }

  public X509Certificate certificateOf(String holderId) {
    return Identity.load(keyStoreOf(holderId)).certificate();
  }

  public String tsaUrl() {
    return baseUrl + "/tsa";
  }

  public String ocspUrl() {
    return baseUrl + "/ocsp";
  }

  public String crlUrl(String caId) {
    return baseUrl + "/crl/" + caId + ".crl";
  }

  public String caCertificateUrl(String caId) {
    return baseUrl + "/ca/" + caId + ".cer";
  }

  /**
   * Issues a new key pair and certificate for the holder and stores them as {@code <id>.p12}. Used
   * for extra people or units in the demo.
   */
  public X509Certificate issue(CertificateHolder holder) {
    KeyPair pair = newKeyPair();
    X509Certificate certificate = issue(holder, pair.getPublic());
    store(directory.resolve(holder.id() + ".p12"), pair.getPrivate(), chainFor(certificate));
    return certificate;
  }

  /**
   * Certifies a public key whose private key lives elsewhere, e.g. generated on a PKCS#11 token.
   * The caller puts the certificate on the token.
   */
  public X509Certificate issue(CertificateHolder holder, PublicKey publicKey) {
    X509Certificate certificate =
        endEntity(issuing, subjectOf(holder), publicKey, KeyPurpose.SIGNING, baseUrl, random);
    index.recordIssued(certificate);
    return certificate;
  }

  /** The chain of a certificate issued by this PKI, end entity first, root last. */
  public List<X509Certificate> chainFor(X509Certificate endEntity) {
    return List.of(endEntity, issuing.certificate(), root.certificate());
  }

  /** Revokes a certificate from now on; the next CRL and OCSP answers show it. */
  public void revoke(X509Certificate certificate) {
    revoke(certificate, Instant.now());
  }

  /**
   * Revokes a certificate for key compromise known to date from {@code compromisedSince}, which may
   * lie in the past (a stolen token reported late): the next CRL and OCSP answers give that time as
   * the revocation time (RFC 5280 5.3.2 allows the CA to date it back; the CRL entry also carries
   * it as invalidityDate), so signatures made since then no longer pass.
   */
  public void revoke(X509Certificate certificate, Instant compromisedSince) {
    if (compromisedSince.isAfter(Instant.now())) {
      throw new PkiException("A revocation cannot be dated in the future: " + compromisedSince);
    }
    index.revoke(certificate.getSerialNumber(), compromisedSince);
  }

  public boolean isRevoked(X509Certificate certificate) {
    return index.revokedAt(certificate.getSerialNumber()).isPresent();
  }

  /**
   * Answers a request to one of this PKI's URLs: GET of a CA certificate or CRL (body ignored),
   * POST of an OCSP request or an RFC 3161 timestamp request. Empty when the URL is not this PKI's.
   */
  public Optional<PkiResponse> respond(String url, byte[] body) {
    if (!url.startsWith(baseUrl + "/")) {
      return Optional.empty();
    }
    String path = url.substring(baseUrl.length());
    switch (path) {
      case "/ca/" + ROOT + ".cer":
        return Optional.of(new PkiResponse(PkiResponse.CERTIFICATE, encoded(root.certificate())));
      case "/ca/" + ISSUING + ".cer":
        return Optional.of(
            new PkiResponse(PkiResponse.CERTIFICATE, encoded(issuing.certificate())));
      case "/crl/" + ROOT + ".crl":
        return Optional.of(new PkiResponse(PkiResponse.CRL, crl(root)));
      case "/crl/" + ISSUING + ".crl":
        return Optional.of(new PkiResponse(PkiResponse.CRL, crl(issuing)));
      case "/ocsp":
        return Optional.of(new PkiResponse(PkiResponse.OCSP_RESPONSE, ocspResponse(body)));
      case "/tsa":
        return Optional.of(new PkiResponse(PkiResponse.TIMESTAMP_REPLY, timestamp(body)));
      default:
        if (path.startsWith("/ocsp/")) {
          // RFC 6960 A.1: a small OCSP request may come as GET {url}/{base64 of the DER request}.
          byte[] request;
          try {
            request =
                java.util.Base64.getDecoder()
                    .decode(
                        java.net.URLDecoder.decode(
                            path.substring("/ocsp/".length()), StandardCharsets.US_ASCII));
          } catch (IllegalArgumentException e) {
            request = new byte[0];
          }
          return Optional.of(new PkiResponse(PkiResponse.OCSP_RESPONSE, ocspResponse(request)));
        }
        return Optional.empty();
    }
  }

  /** An in-process client for this PKI's URLs, for the signing and validation services. */
  public PkiClient client() {
    return new PkiClient() {
      @Override
      public byte[] get(String url) {
        return respond(url, new byte[0])
            .orElseThrow(() -> new PkiException("Not a demo PKI URL: " + url))
            .body();
      }

      @Override
      public byte[] post(String url, String contentType, byte[] body) {
        return respond(url, body)
            .orElseThrow(() -> new PkiException("Not a demo PKI URL: " + url))
            .body();
      }
    };
  }

  // ---------------------------------------------------------------- services

  private byte[] crl(Identity ca) {
    try {
      Date now = new Date();
      X509v2CRLBuilder builder =
          new X509v2CRLBuilder(
              X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()), now);
      builder.setNextUpdate(Date.from(now.toInstant().plus(CRL_VALIDITY)));
      for (Map.Entry<BigInteger, Instant> revoked :
          index.revokedIssuedBy(ca.certificate()).entrySet()) {
        builder.addCRLEntry(
            revoked.getKey(),
            Date.from(revoked.getValue()),
            new org.bouncycastle.asn1.x509.Extensions(
                new Extension[] {
                  new Extension(
                      Extension.reasonCode,
                      false,
                      CRLReason.lookup(CRLReason.keyCompromise).getEncoded()),
                  invalidityDate(revoked.getValue())
                }));
      }
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      builder.addExtension(
          Extension.authorityKeyIdentifier,
          false,
          utils.createAuthorityKeyIdentifier(ca.certificate()));
      builder.addExtension(
          Extension.cRLNumber,
          false,
          new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.getTime())));
      X509CRLHolder crl = builder.build(signer(ca.key()));
      return crl.getEncoded();
    } catch (IOException | GeneralSecurityException e) {
      throw new PkiException(
          "Cannot make the CRL of " + ca.certificate().getSubjectX500Principal(), e);
    }
  }

  private byte[] ocspResponse(byte[] requestBytes) {
    try {
      OCSPReq request;
      try {
        request = new OCSPReq(requestBytes);
      } catch (IOException e) {
        return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
      }
      DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
      X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuing.certificate());
      BasicOCSPRespBuilder builder =
          new JcaBasicOCSPRespBuilder(
              ocsp.certificate().getPublicKey(), digests.get(CertificateID.HASH_SHA1));
      Date now = new Date();
      Date next = Date.from(now.toInstant().plus(CRL_VALIDITY));
      for (Req req : request.getRequestList()) {
        CertificateID id = req.getCertID();
        CertificateStatus status;
        org.bouncycastle.asn1.x509.Extensions single = null;
        if (!id.matchesIssuer(issuerHolder, digests)) {
          status = new UnknownStatus();
        } else {
          Optional<Instant> revokedAt = index.revokedAt(id.getSerialNumber());
          if (revokedAt.isPresent()) {
            status = new RevokedStatus(Date.from(revokedAt.get()), CRLReason.keyCompromise);
            // RFC 6960 4.4: a CRL entry extension may be given as a single extension too
            single = new org.bouncycastle.asn1.x509.Extensions(invalidityDate(revokedAt.get()));
          } else if (index.isIssued(id.getSerialNumber())) {
            status = CertificateStatus.GOOD;
          } else {
            status = new UnknownStatus();
          }
        }
        builder.addResponse(id, status, now, next, single);
      }
      Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
      if (nonce != null) {
        builder.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(nonce));
      }
      BasicOCSPResp basic =
          builder.build(
              signer(ocsp.key()),
              new X509CertificateHolder[] {new JcaX509CertificateHolder(ocsp.certificate())},
              now);
      OCSPResp response = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic);
      return response.getEncoded();
    } catch (IOException | GeneralSecurityException | OCSPException | OperatorCreationException e) {
      throw new PkiException("Cannot answer the OCSP request", e);
    }
  }

  /**
   * RFC 5280 5.3.2: when the key is known or suspected to have been compromised. Validators that
   * read only the revocation time (DSS among them) get the same time there.
   */
  private static Extension invalidityDate(Instant compromisedSince) throws IOException {
    return new Extension(
        Extension.invalidityDate,
        false,
        new org.bouncycastle.asn1.ASN1GeneralizedTime(Date.from(compromisedSince)).getEncoded());
  }

  private byte[] timestamp(byte[] requestBytes) {
    try {
      TimeStampRequest request = new TimeStampRequest(requestBytes);
      TimeStampTokenGenerator generator =
          new TimeStampTokenGenerator(
              new JcaSimpleSignerInfoGeneratorBuilder()
                  .build(SIGNATURE_ALGORITHM, tsa.key(), tsa.certificate()),
              new JcaDigestCalculatorProviderBuilder()
                  .build()
                  .get(
                      new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                          org.bouncycastle.asn1.nist.NISTObjectIdentifiers.id_sha256)),
              TSA_POLICY);
      generator.addCertificates(
          new JcaCertStore(List.of(tsa.certificate(), issuing.certificate(), root.certificate())));
      TimeStampResponseGenerator responses =
          new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED);
      TimeStampResponse response =
          responses.generate(request, new BigInteger(63, random), new Date());
      return response.getEncoded();
    } catch (IOException e) {
      throw new PkiException("Malformed timestamp request", e);
    } catch (TSPException | OperatorCreationException | GeneralSecurityException e) {
      throw new PkiException("Cannot make the timestamp", e);
    }
  }

  // ---------------------------------------------------------------- creation

  private static void create(Path directory, String baseUrl) {
    try {
      Files.createDirectories(directory);
      Path tmp = Files.createTempDirectory(directory, ".creating");
      SecureRandom random = new SecureRandom();
      KeyPair rootPair = newKeyPair();
      X500Name rootName = name("Liên Thông Demo Root CA (không tin cậy cho sản xuất)");
      Instant now = Instant.now();
      X509Certificate rootCert =
          certificate(
              rootName,
              rootName,
              rootPair.getPublic(),
              rootPair.getPrivate(),
              null,
              now,
              now.plus(Duration.ofDays(20 * 365)),
              KeyPurpose.CA_ROOT,
              baseUrl,
              random);
      Identity root = new Identity(rootPair.getPrivate(), List.of(rootCert));
      KeyPair issuingPair = newKeyPair();
      X509Certificate issuingCert =
          certificate(
              name("Liên Thông Demo Issuing CA"),
              rootName,
              issuingPair.getPublic(),
              rootPair.getPrivate(),
              rootCert,
              now,
              now.plus(Duration.ofDays(10 * 365)),
              KeyPurpose.CA_ISSUING,
              baseUrl,
              random);
      Identity issuing = new Identity(issuingPair.getPrivate(), List.of(issuingCert, rootCert));
      store(tmp.resolve(ROOT + ".p12"), root.key(), root.chain());
      store(tmp.resolve(ISSUING + ".p12"), issuing.key(), issuing.chain());
      RevocationIndex index = new RevocationIndex(tmp.resolve("index.tsv"));
      index.recordIssued(issuingCert);

      Map<String, X500Name> services = new LinkedHashMap<>();
      services.put(TSA, name("Liên Thông Demo TSA"));
      services.put(OCSP, name("Liên Thông Demo OCSP"));
      for (Map.Entry<String, X500Name> service : services.entrySet()) {
        KeyPair pair = newKeyPair();
        X509Certificate cert =
            endEntity(
                issuing,
                service.getValue(),
                pair.getPublic(),
                service.getKey().equals(TSA) ? KeyPurpose.TIMESTAMPING : KeyPurpose.OCSP_SIGNING,
                baseUrl,
                random);
        index.recordIssued(cert);
        store(
            tmp.resolve(service.getKey() + ".p12"),
            pair.getPrivate(),
            List.of(cert, issuingCert, rootCert));
      }
      List<CertificateHolder> holders =
          List.of(
              new CertificateHolder.Person(
                  LEADER, "Nguyễn Văn Hùng", "Chủ tịch", DEMO_UNIT, DEMO_ORGAN_CODE),
              new CertificateHolder.Person(
                  CLERK, "Trần Thị Mai", "Văn thư", DEMO_UNIT, DEMO_ORGAN_CODE),
              new CertificateHolder.Organisation(SEAL, DEMO_UNIT, DEMO_ORGAN_CODE));
      for (CertificateHolder holder : holders) {
        KeyPair pair = newKeyPair();
        X509Certificate cert =
            endEntity(
                issuing, subjectOf(holder), pair.getPublic(), KeyPurpose.SIGNING, baseUrl, random);
        index.recordIssued(cert);
        store(
            tmp.resolve(holder.id() + ".p12"),
            pair.getPrivate(),
            List.of(cert, issuingCert, rootCert));
      }
      Files.createDirectories(tmp.resolve("trust"));
      Files.write(tmp.resolve("trust").resolve(ROOT + ".cer"), encoded(rootCert));
      Files.write(tmp.resolve(ROOT + ".cer"), encoded(rootCert));
      Files.write(tmp.resolve(ISSUING + ".cer"), encoded(issuingCert));
      Files.writeString(
          tmp.resolve("README.txt"),
          "Liên Thông demo PKI - for development and tests only, never trust it in production.\n"
              + "Key stores are PKCS#12 with password '"
              + DEMO_PASSWORD
              + "'. trust/ holds the root.\n");
      Properties properties = new Properties();
      properties.setProperty("baseUrl", baseUrl);
      properties.setProperty("created", now.toString());
      // pki.properties goes last: its presence marks a complete PKI.
      try (var entries = Files.list(tmp)) {
        for (Path entry : (Iterable<Path>) entries::iterator) {
          Files.move(
              entry, directory.resolve(entry.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.delete(tmp);
      try (OutputStream out = Files.newOutputStream(directory.resolve("pki.properties"))) {
        properties.store(out, "Liên Thông demo PKI");
      }
    } catch (IOException e) {
      throw new PkiException("Cannot create the demo PKI in " + directory, e);
    }
  }

  private enum KeyPurpose {
    CA_ROOT,
    CA_ISSUING,
    SIGNING,
    TIMESTAMPING,
    OCSP_SIGNING
  }

  private static X509Certificate endEntity(
      Identity ca,
      X500Name subject,
      PublicKey key,
      KeyPurpose purpose,
      String baseUrl,
      SecureRandom random) {
    Instant now = Instant.now();
    return certificate(
        subject,
        X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded()),
        key,
        ca.key(),
        ca.certificate(),
        now,
        now.plus(Duration.ofDays(5 * 365)),
        purpose,
        baseUrl,
        random);
  }

  private static X509Certificate certificate(
      X500Name subject,
      X500Name issuer,
      PublicKey key,
      PrivateKey issuerKey,
      X509Certificate issuerCert,
      Instant notBefore,
      Instant notAfter,
      KeyPurpose purpose,
      String baseUrl,
      SecureRandom random) {
    try {
      JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
      // An hour back so a signer whose clock is slightly behind still sees a valid certificate.
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              new BigInteger(63, random).setBit(62),
              Date.from(notBefore.minus(Duration.ofHours(1))),
              Date.from(notAfter),
              subject,
              key);
      builder.addExtension(
          Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key));
      if (issuerCert != null) {
        builder.addExtension(
            Extension.authorityKeyIdentifier,
            false,
            utils.createAuthorityKeyIdentifier(issuerCert));
      }
      switch (purpose) {
        case CA_ROOT -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
          builder.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        case CA_ISSUING -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
          builder.addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
          builder.addExtension(
              Extension.cRLDistributionPoints, false, distributionPoint(baseUrl, ROOT));
          builder.addExtension(
              Extension.authorityInfoAccess,
              false,
              new AuthorityInformationAccess(
                  new AccessDescription(
                      AccessDescription.id_ad_caIssuers, uri(baseUrl + "/ca/" + ROOT + ".cer"))));
        }
        default -> {
          builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
          int usage =
              purpose == KeyPurpose.SIGNING
                  ? KeyUsage.digitalSignature | KeyUsage.nonRepudiation
                  : KeyUsage.digitalSignature;
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
          if (purpose == KeyPurpose.TIMESTAMPING) {
            // RFC 3161 section 2.3: the TSA certificate has exactly this EKU, marked critical.
            builder.addExtension(
                Extension.extendedKeyUsage,
                true,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
          }
          if (purpose == KeyPurpose.OCSP_SIGNING) {
            builder.addExtension(
                Extension.extendedKeyUsage,
                false,
                new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            // RFC 6960 4.2.2.2.1: the responder's own status is not checked.
            builder.addExtension(
                OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
          }
          builder.addExtension(
              Extension.cRLDistributionPoints, false, distributionPoint(baseUrl, ISSUING));
          List<AccessDescription> access = new ArrayList<>();
          if (purpose != KeyPurpose.OCSP_SIGNING) {
            access.add(new AccessDescription(AccessDescription.id_ad_ocsp, uri(baseUrl + "/ocsp")));
          }
          access.add(
              new AccessDescription(
                  AccessDescription.id_ad_caIssuers, uri(baseUrl + "/ca/" + ISSUING + ".cer")));
          builder.addExtension(
              Extension.authorityInfoAccess,
              false,
              AuthorityInformationAccess.getInstance(
                  new DERSequence(access.toArray(new ASN1Encodable[0]))));
        }
      }
      X509CertificateHolder holder = builder.build(signer(issuerKey));
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (IOException | GeneralSecurityException e) {
      throw new PkiException("Cannot issue a certificate for " + subject, e);
    }
  }

  private static CRLDistPoint distributionPoint(String baseUrl, String caId) {
    DistributionPointName name =
        new DistributionPointName(new GeneralNames(uri(baseUrl + "/crl/" + caId + ".crl")));
    return new CRLDistPoint(new DistributionPoint[] {new DistributionPoint(name, null, null)});
  }

  private static GeneralName uri(String url) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, url);
  }

  private static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "VN")
        .addRDN(BCStyle.O, "Liên Thông Demo PKI")
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  static X500Name subjectOf(CertificateHolder holder) {
    X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN");
    builder.addRDN(BCStyle.L, "Đà Nẵng");
    if (holder instanceof CertificateHolder.Person person) {
      builder
          .addRDN(BCStyle.O, person.unitName())
          .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, person.organCode())
          .addRDN(BCStyle.T, person.position())
          .addRDN(BCStyle.CN, person.name());
    } else if (holder instanceof CertificateHolder.Organisation organisation) {
      builder
          .addRDN(BCStyle.O, organisation.unitName())
          .addRDN(BCStyle.ORGANIZATION_IDENTIFIER, organisation.organCode())
          .addRDN(BCStyle.CN, organisation.unitName());
    }
    return builder.build();
  }

  private static ContentSigner signer(PrivateKey key) {
    try {
      return new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(key);
    } catch (OperatorCreationException e) {
      throw new PkiException("Cannot sign with the demo CA key", e);
    }
  }

  private static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new PkiException("Cannot generate an RSA key", e);
    }
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new PkiException("Cannot encode a certificate", e);
    }
  }

  private static void store(Path file, PrivateKey key, List<X509Certificate> chain) {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(ALIAS, key, DEMO_PASSWORD.toCharArray(), chain.toArray(new Certificate[0]));
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, DEMO_PASSWORD.toCharArray());
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new PkiException("Cannot write the key store " + file, e);
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A key with its certificate chain, loaded from a demo PKCS#12 file. */
  record Identity(PrivateKey key, List<X509Certificate> chain) {

    X509Certificate certificate() {
      return chain.get(0);
    }

    static Identity load(Path file) {
      try (InputStream in = Files.newInputStream(file)) {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(in, DEMO_PASSWORD.toCharArray());
        PrivateKey key = (PrivateKey) store.getKey(ALIAS, DEMO_PASSWORD.toCharArray());
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : store.getCertificateChain(ALIAS)) {
          chain.add((X509Certificate) c);
        }
        return new Identity(key, List.copyOf(chain));
      } catch (IOException | GeneralSecurityException e) {
        throw new PkiException("Cannot read the demo key store " + file, e);
      }
    }
  }

  /**
   * The CA database, one line per issued certificate like OpenSSL's index.txt: serial, issuer,
   * revocation time (or '-'), subject. Small enough to reread on every question, which keeps
   * several processes sharing one PKI folder consistent.
   */
  static final class RevocationIndex {

    private final Path file;

    RevocationIndex(Path file) {
      this.file = file;
    }

    synchronized void recordIssued(X509Certificate certificate) {
      String line =
          certificate.getSerialNumber().toString(16)
              + "\t"
              + certificate.getIssuerX500Principal().getName()
              + "\t-\t"
              + certificate.getSubjectX500Principal().getName().replace('\t', ' ')
              + "\n";
      try {
        Files.writeString(
            file,
            line,
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized void revoke(BigInteger serial, Instant when) {
      List<String> lines = lines();
      List<String> out = new ArrayList<>();
      boolean found = false;
      for (String line : lines) {
        String[] f = line.split("\t", 4);
        if (f.length == 4 && new BigInteger(f[0], 16).equals(serial) && f[2].equals("-")) {
          out.add(f[0] + "\t" + f[1] + "\t" + when.toEpochMilli() + "\t" + f[3]);
          found = true;
        } else {
          out.add(line);
        }
      }
      if (!found) {
        throw new PkiException(
            "No valid certificate with serial " + serial.toString(16) + " in the demo PKI");
      }
      try {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, out, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    synchronized boolean isIssued(BigInteger serial) {
      return lines().stream().anyMatch(l -> new BigInteger(l.split("\t", 2)[0], 16).equals(serial));
    }

    synchronized Optional<Instant> revokedAt(BigInteger serial) {
      for (String line : lines()) {
        String[] f = line.split("\t", 4);
        if (f.length == 4 && new BigInteger(f[0], 16).equals(serial) && !f[2].equals("-")) {
          return Optional.of(Instant.ofEpochMilli(Long.parseLong(f[2])));
        }
      }
      return Optional.empty();
    }

    synchronized Map<BigInteger, Instant> revokedIssuedBy(X509Certificate ca) {
      String issuer = ca.getSubjectX500Principal().getName();
      Map<BigInteger, Instant> revoked = new LinkedHashMap<>();
      for (String line : lines()) {
        String[] f = line.split("\t", 4);
        if (f.length == 4 && f[1].equals(issuer) && !f[2].equals("-")) {
          revoked.put(new BigInteger(f[0], 16), Instant.ofEpochMilli(Long.parseLong(f[2])));
        }
      }
      return revoked;
    }

    private List<String> lines() {
      try {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
