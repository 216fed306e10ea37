package vn.lienthong.signing.pades;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureAlgorithm;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.InvalidDocumentException.Reason;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.internal.AppearanceDrawer;
import vn.lienthong.signing.internal.AppearanceMapper;
import vn.lienthong.signing.internal.CmsSignature;
import vn.lienthong.signing.internal.Contained;
import vn.lienthong.signing.internal.DssSupport;
import vn.lienthong.signing.internal.IncrementalPades;
import vn.lienthong.signing.internal.Outputs;
import vn.lienthong.signing.internal.PadesService;
import vn.lienthong.signing.internal.PdfInputs;
import vn.lienthong.signing.internal.pdf.SignatureIncrement;
import vn.lienthong.signing.key.BorrowedKey;

/**
 * PAdES signing: one step with a key at hand, or two steps when the key is elsewhere (the leader's
 * USB token on their own PC): {@link #prepare} gives the data to sign, the token signs it, {@link
 * #finish} embeds the signature value. Also extends signatures (to B-LTA, and re-timestamps).
 *
 * <p>One instance serves many calls and threads: it holds one configured DSS certificate verifier
 * and service. Signatures are approval signatures, never certifying ones: the leader's signature
 * sets no DocMDP lock, so the clerk can add the unit's seal afterwards (Decree 30: the leader
 * signs, then the clerk issues and seals).
 */
public final class PadesSigner {

  /** Room for the CMS with its chain and a timestamp token with the TSA's chain. */
  private static final int CONTENT_SIZE_WITH_TIMESTAMP = 32 * 1024;

  /** DSS's default room for a CMS without timestamp. */
  private static final int CONTENT_SIZE_B_B = 9472;

  private static final String APPLICATION = "Liên Thông";

  private final TrustServices services;
  private final CertificateVerifier verifier;
  private final TSPSource timestamps;
  private final PadesService inMemory;

  public PadesSigner(TrustServices services) {
    this.services = services;
    this.verifier =
        DssSupport.certificateVerifier(
            services.trustAnchors(), services.pkiClient(), services.serviceUrls(), true);
    this.timestamps =
        services
            .tsaUrl()
            .map(url -> DssSupport.timestampSource(url, services.pkiClient()))
            .orElse(null);
    this.inMemory = newService();
    inMemory.setPdfObjFactory(DssSupport.inMemoryPdfFactory());
  }

  /** Signs in one step: the key is here. */
  public void sign(Path input, Path output, SignOptions options, BorrowedKey key) {
    Contained.run(() -> signContained(input, output, options, key));
  }

  private void signContained(Path input, Path output, SignOptions options, BorrowedKey key) {
    PdfInputs.preflight(input);
    Instant signingTime = now();
    List<X509Certificate> chain = key.chain();
    precheck(options, chain.get(0), signingTime);
    if (incremental(
        input,
        output,
        options,
        chain,
        signingTime,
        prepared -> key.sign(prepared.signedAttributes()),
        null)) {
      return;
    }
    Work work = work(input);
    try {
      PAdESSignatureParameters parameters = parameters(options, chain, signingTime);
      DSSDocument document = new FileDocument(input.toFile());
      ToBeSigned toBeSigned = dss(input, () -> work.service.getDataToSign(document, parameters));
      byte[] value = key.sign(toBeSigned.getBytes());
      SignatureValue signatureValue =
          new SignatureValue(algorithm(key.signatureAlgorithm()), value);
      dss(
          input,
          () -> {
            work.service.signTo(document, parameters, signatureValue, output);
            return output;
          });
      PdfInputs.requireSignaturesKept(input, output, 1);
    } finally {
      work.close();
    }
  }

  /**
   * First step of a two-step signature: computes the data to sign for the signer's certificate
   * chain (signer first) and fixes the signing time. The returned value is all {@link #finish}
   * needs besides the same document and the signature value.
   */
  public PendingSignature prepare(Path input, SignOptions options, List<X509Certificate> chain) {
    return Contained.call(() -> prepareContained(input, options, chain));
  }

  private PendingSignature prepareContained(
      Path input, SignOptions options, List<X509Certificate> chain) {
    PdfInputs.preflight(input);
    Instant signingTime = now();
    precheck(options, chain.get(0), signingTime);
    Optional<IncrementalPades.Prepared> quick;
    try (AppearanceDrawer.Drawn drawn = AppearanceDrawer.draw(options.appearance(), signingTime)) {
      quick =
          IncrementalPades.prepare(
              input, request(options, chain, signingTime, drawn), chain.get(0), null);
    }
    Work work = quick.isPresent() ? null : work(input);
    try {
      byte[] dataToSign;
      if (quick.isPresent()) {
        dataToSign = quick.get().signedAttributes();
      } else {
        PAdESSignatureParameters parameters = parameters(options, chain, signingTime);
        DSSDocument document = new FileDocument(input.toFile());
        dataToSign = dss(input, () -> work.service.getDataToSign(document, parameters)).getBytes();
      }
      List<byte[]> der = new ArrayList<>();
      for (X509Certificate c : chain) {
        der.add(c.getEncoded());
      }
      return new PendingSignature(
          quick.isPresent() ? quick.get().documentSha256() : PdfInputs.sha256(input),
          options.level(),
          signingTime,
          der,
          BorrowedKey.signatureAlgorithmFor(chain.get(0)),
          dataToSign,
          options.appearance(),
          options.reason(),
          options.location());
    } catch (CertificateEncodingException e) {
      throw new SigningException("Cannot encode the signer's certificate", e);
    } finally {
      if (work != null) {
        work.close();
      }
    }
  }

  /**
   * Second step: embeds a signature value computed elsewhere. Works in any process that has the
   * same document and the pending value (e.g. read back with {@link PendingSignature#fromJson}).
   * The document must be byte-identical ({@link Reason#DOCUMENT_CHANGED}) and the value must be a
   * signature of the data to sign by the certificate's key ({@link Reason#SIGNATURE_MISMATCH}).
   */
  public void finish(Path input, PendingSignature pending, byte[] signatureValue, Path output) {
    Contained.run(() -> finishContained(input, pending, signatureValue, output));
  }

  private void finishContained(
      Path input, PendingSignature pending, byte[] signatureValue, Path output) {
    PdfInputs.preflight(input);
    List<X509Certificate> chain = pending.certificates();
    precheck(pending.options(), chain.get(0), pending.signingTime());
    // Same document, same request: the update is rebuilt byte for byte, and the pass that hashes
    // it also gives the document's SHA-256 to compare. A pending signature that the general path
    // prepared (its data to sign differs) is finished by the general path.
    if (incremental(
        input,
        output,
        pending.options(),
        chain,
        pending.signingTime(),
        prepared -> {
          requireSameDocument(prepared.documentSha256(), pending);
          verifySignatureValue(pending, chain.get(0), signatureValue);
          return java.util.Arrays.equals(prepared.signedAttributes(), pending.dataToSign())
              ? signatureValue
              : null;
        },
        pending.signatureAlgorithm())) {
      return;
    }
    requireSameDocument(PdfInputs.sha256(input), pending);
    verifySignatureValue(pending, chain.get(0), signatureValue);
    Work work = work(input);
    try {
      PAdESSignatureParameters parameters =
          parameters(pending.options(), chain, pending.signingTime());
      DSSDocument document = new FileDocument(input.toFile());
      byte[] dataToSign =
          dss(input, () -> work.service.getDataToSign(document, parameters)).getBytes();
      if (!java.util.Arrays.equals(dataToSign, pending.dataToSign())) {
        // never embed a value that signs other bytes: that would be a broken signature
        throw new InvalidDocumentException(
            Reason.DOCUMENT_CHANGED, "The data to sign cannot be computed again for this document");
      }
      SignatureValue value =
          new SignatureValue(algorithm(pending.signatureAlgorithm()), signatureValue);
      dss(
          input,
          () -> {
            work.service.signTo(document, parameters, value, output);
            return output;
          });
      PdfInputs.requireSignaturesKept(input, output, 1);
    } finally {
      work.close();
    }
  }

  /**
   * Raises the signatures of a signed PDF to {@code level}. Extending a B-LTA document to B-LTA
   * again adds fresh validation data and a new document timestamp: the re-timestamping that keeps
   * certified copies verifiable after their certificates expire.
   */
  public void extend(Path input, Path output, SignatureLevel level) {
    if (level == SignatureLevel.B_B) {
      throw new IllegalArgumentException("A signature cannot be extended to B-B");
    }
    Contained.run(() -> extendContained(input, output, level));
  }

  private void extendContained(Path input, Path output, SignatureLevel level) {
    PdfInputs.preflight(input);
    Work work = work(input);
    try {
      PAdESSignatureParameters parameters = new PAdESSignatureParameters();
      parameters.setSignatureLevel(dssLevel(level));
      parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
      parameters.setContentSize(CONTENT_SIZE_WITH_TIMESTAMP);
      DSSDocument document = new FileDocument(input.toFile());
      DSSDocument extended = dss(input, () -> work.service.extendDocument(document, parameters));
      try {
        Outputs.save(extended, output);
      } catch (IOException e) {
        throw new SigningException("Cannot write " + output.getFileName(), e);
      }
      PdfInputs.requireSignaturesKept(input, output, 0);
    } finally {
      work.close();
    }
  }

  // ------------------------------------------------------------------------------------------

  /** The signature value for a prepared update; null means "not this way". */
  interface SignatureSource {
    byte[] sign(IncrementalPades.Prepared prepared);
  }

  /** What must hold before anything is hashed or signed, on either path. */
  private void precheck(SignOptions options, X509Certificate signer, Instant signingTime) {
    if (options.level().needsTimestamp() && timestamps == null) {
      throw new SigningException(
          options.level().label() + " needs a timestamp authority (TSA URL)");
    }
    checkValidity(signer, signingTime);
  }

  private static void requireSameDocument(String sha256, PendingSignature pending) {
    if (!sha256.equals(pending.documentSha256())) {
      throw new InvalidDocumentException(
          Reason.DOCUMENT_CHANGED, "The document is not the one the data to sign was computed for");
    }
  }

  private static SignatureIncrement.Request request(
      SignOptions options,
      List<X509Certificate> chain,
      Instant signingTime,
      AppearanceDrawer.Drawn drawn) {
    int certificates = 0;
    for (X509Certificate c : chain) {
      try {
        certificates += c.getEncoded().length;
      } catch (CertificateEncodingException e) {
        throw new SigningException("Cannot encode the signer's chain", e);
      }
    }
    int room =
        options.level().needsTimestamp()
            ? Math.max(CONTENT_SIZE_WITH_TIMESTAMP, certificates + 24 * 1024)
            : Math.max(CONTENT_SIZE_B_B, certificates + 4096);
    return new SignatureIncrement.Request(
        signingTime,
        AppearanceMapper.VIETNAM,
        options.reason(),
        options.location(),
        APPLICATION,
        room,
        drawn == null ? null : drawn.visible());
  }

  /**
   * The incremental path: false when the document or the options need the general path (nothing
   * written then). Levels above B-T are B-T here, then extended by DSS.
   */
  private boolean incremental(
      Path input,
      Path output,
      SignOptions options,
      List<X509Certificate> chain,
      Instant signingTime,
      SignatureSource key,
      String algorithm) {
    boolean extend =
        options.level() == SignatureLevel.B_LT || options.level() == SignatureLevel.B_LTA;
    Path signed = null;
    try {
      signed = Outputs.temporaryFor(output);
      try (FileChannel out = FileChannel.open(signed, StandardOpenOption.WRITE);
          AppearanceDrawer.Drawn drawn = AppearanceDrawer.draw(options.appearance(), signingTime)) {
        Optional<IncrementalPades.Prepared> prepared =
            IncrementalPades.prepare(
                input, request(options, chain, signingTime, drawn), chain.get(0), out);
        if (prepared.isEmpty()) {
          return false;
        }
        byte[] value = key.sign(prepared.get());
        if (value == null) {
          return false;
        }
        byte[] timestamp = options.level().needsTimestamp() ? timestamp(value) : null;
        byte[] cms =
            CmsSignature.signedData(
                prepared.get().signedAttributes(),
                value,
                algorithm != null ? algorithm : BorrowedKey.signatureAlgorithmFor(chain.get(0)),
                chain,
                timestamp);
        IncrementalPades.finish(prepared.get(), cms, out);
      }
      if (extend) {
        extend(signed, output, options.level());
      } else {
        Outputs.publish(signed, output);
      }
      return true;
    } catch (IOException e) {
      throw new SigningException("Cannot write " + output.getFileName(), e);
    } finally {
      if (signed != null) {
        try {
          Files.deleteIfExists(signed);
        } catch (IOException e) {
          // a leftover temp file in the output folder; nothing else to do
        }
      }
    }
  }

  /** The signature-time-stamp over the signature value (ETSI EN 319 122-1 5.3). */
  private byte[] timestamp(byte[] signatureValue) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(signatureValue);
      return timestamps.getTimeStampResponse(DigestAlgorithm.SHA256, digest).getBytes();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      throw new SigningException("The timestamp authority did not answer: " + e.getMessage(), e);
    }
  }

  /** A certificate expired or not yet valid at the signing time cannot sign (as DSS checks). */
  private static void checkValidity(X509Certificate signer, Instant signingTime) {
    try {
      signer.checkValidity(Date.from(signingTime));
    } catch (java.security.cert.CertificateExpiredException e) {
      throw new SignerCertificateException("The signer's certificate has expired", e);
    } catch (java.security.cert.CertificateNotYetValidException e) {
      throw new SignerCertificateException("The signer's certificate is not yet valid", e);
    }
  }

  private PadesService newService() {
    PadesService service = new PadesService(verifier);
    if (timestamps != null) {
      service.setTspSource(timestamps);
    }
    return service;
  }

  /** The service for one call: the shared in-memory one, or a file-backed one for large scans. */
  private Work work(Path input) {
    long size;
    try {
      size = Files.size(input);
    } catch (IOException e) {
      throw new SigningException("Cannot read " + input.getFileName(), e);
    }
    if (!DssSupport.isLarge(size)) {
      return new Work(inMemory, null);
    }
    TempFileResourcesHandlerBuilder temp = DssSupport.tempFiles(services.tempDirectory());
    PadesService service = newService();
    service.setPdfObjFactory(DssSupport.fileBackedPdfFactory(temp));
    return new Work(service, temp);
  }

  private record Work(PadesService service, TempFileResourcesHandlerBuilder temp) {
    void close() {
      if (temp != null) {
        temp.clear();
      }
    }
  }

  private PAdESSignatureParameters parameters(
      SignOptions options, List<X509Certificate> chain, Instant signingTime) {
    PAdESSignatureParameters parameters = new PAdESSignatureParameters();
    parameters.setSignatureLevel(dssLevel(options.level()));
    parameters.setDigestAlgorithm(DigestAlgorithm.SHA256);
    parameters.setSigningCertificate(new CertificateToken(chain.get(0)));
    List<CertificateToken> tokens = new ArrayList<>();
    for (X509Certificate c : chain) {
      tokens.add(new CertificateToken(c));
    }
    parameters.setCertificateChain(tokens);
    parameters.bLevel().setSigningDate(Date.from(signingTime));
    parameters.setSigningTimeZone(TimeZone.getTimeZone(AppearanceMapper.VIETNAM));
    parameters.setAppName(APPLICATION);
    parameters.setReason(options.reason());
    parameters.setLocation(options.location());
    if (options.level().needsTimestamp()) {
      parameters.setContentSize(CONTENT_SIZE_WITH_TIMESTAMP);
    }
    parameters.setImageParameters(AppearanceMapper.toDss(options.appearance(), signingTime));
    // No setPermission(...): an approval signature without DocMDP, see the class comment.
    return parameters;
  }

  private static eu.europa.esig.dss.enumerations.SignatureLevel dssLevel(SignatureLevel level) {
    return switch (level) {
      case B_B -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_B;
      case B_T -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_T;
      case B_LT -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LT;
      case B_LTA -> eu.europa.esig.dss.enumerations.SignatureLevel.PAdES_BASELINE_LTA;
    };
  }

  private static SignatureAlgorithm algorithm(String jcaName) {
    return switch (jcaName) {
      case "SHA256withRSA" -> SignatureAlgorithm.RSA_SHA256;
      case "SHA256withECDSA" -> SignatureAlgorithm.ECDSA_SHA256;
      default -> throw new SigningException("Unsupported signature algorithm " + jcaName);
    };
  }

  private static void verifySignatureValue(
      PendingSignature pending, X509Certificate signer, byte[] value) {
    try {
      Signature check = Signature.getInstance(pending.signatureAlgorithm());
      check.initVerify(signer.getPublicKey());
      check.update(pending.dataToSign());
      if (check.verify(value)) {
        return;
      }
    } catch (GeneralSecurityException e) {
      // a value that cannot even be parsed as a signature does not match either
    }
    throw new InvalidDocumentException(
        Reason.SIGNATURE_MISMATCH,
        "The signature value does not match the data to sign and the signer's certificate");
  }

  /** Signing time with whole seconds: the CMS signing-time attribute cannot carry more. */
  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }

  interface DssCall<T> {
    T run();
  }

  /**
   * Runs a DSS call; a failure caused by the PDF itself becomes InvalidDocumentException. The
   * signer's certificate and the document's permissions reach us as our own exceptions already (DSS
   * alerts configured in {@link DssSupport}).
   */
  static <T> T dss(Path input, DssCall<T> call) {
    try {
      return call.run();
    } catch (SigningException e) {
      throw e;
    } catch (eu.europa.esig.dss.alert.exception.AlertException e) {
      // other alerts: revocation data or a timestamp the trust services did not give
      throw new SigningException("Signing failed: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      PdfInputs.diagnose(input, e);
      throw new SigningException("Signing failed: " + e.getMessage(), e);
    }
  }
}
