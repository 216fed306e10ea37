package vn.lienthong.application.signing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.application.document.DocumentView;
import vn.lienthong.application.security.Caller;
import vn.lienthong.domain.AccessDeniedException;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.document.OutgoingDocuments;
import vn.lienthong.domain.signing.SigningSession;
import vn.lienthong.domain.signing.SigningSessions;
import vn.lienthong.domain.unit.Units;
import vn.lienthong.domain.user.Role;
import vn.lienthong.domain.user.UserCertificates;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.PageBox;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.pades.PendingSignature;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;

/**
 * The leader's signature (ký phê duyệt) in two calls: prepare computes what the token signs and
 * keeps the session in the database; complete embeds the value the token made. The demo signer runs
 * the same two steps with a server-held demo key.
 */
@Stateless
public class SigningService {
  private static final Logger LOG = Logger.getLogger(SigningService.class);

  /** The leader's signature carries its timestamp and validation data: it must outlive the cert. */
  static final SignatureLevel LEADER_LEVEL = SignatureLevel.B_LT;

  /** Most certificates a chain may have (signer, intermediates, root). */
  private static final int MAX_CHAIN = 10;

  @Inject OutgoingDocuments documents;
  @Inject SigningSessions sessions;
  @Inject UserCertificates certificates;
  @Inject Units units;
  @Inject PdfFiles files;
  @Inject SignatureServices engine;
  @Inject AuditLog audit;
  @Inject Settings settings;
  @Inject Clock clock;

  /** First call: the signature field, the leader's appearance and the data to sign. */
  public SessionView prepare(
      Caller caller, UUID documentId, List<byte[]> chainDer, Placement placement) {
    SessionView session = prepare(caller, documentId, parseChain(chainDer), placement, false);
    // last in the transaction: the audit chain's lock is held from here to the commit
    audit.record(caller, "SIGNING_PREPARED", documentId.toString(), session.id().toString());
    return session;
  }

  /** Second call: embeds the value; the document is then signed by the leader. */
  public DocumentView complete(Caller caller, UUID sessionId, byte[] signatureValue) {
    caller.require("ký văn bản", Role.LEADER);
    SigningSession session =
        sessions
            .lock(sessionId)
            .filter(s -> s.username().equals(caller.username()))
            .orElseThrow(() -> new NotFoundException("Không tìm thấy phiên ký."));
    Instant now = clock.instant();
    session.requireOpen(now);
    OutgoingDocument doc =
        documents.lock(session.documentId()).orElseThrow(SigningService::documentNotFound);
    doc.requireSignable();
    if (!doc.fileSha256().equals(session.documentSha256())) {
      throw new IllegalTransitionException(
          "Văn bản đã thay đổi sau khi tạo phiên ký; hãy tạo phiên ký mới.");
    }
    PendingSignature pending = PendingSignature.fromJson(session.pending());
    Path in = files.copyOut(doc.fileSha256());
    Path out = files.temp();
    try {
      try {
        engine.signer().finish(in, pending, signatureValue, out);
      } catch (SigningException e) {
        audit.refusal(caller, "SIGNATURE_REFUSED", doc.id().toString(), e.getMessage());
        throw SigningErrors.of(e);
      }
      ContentHash hash = files.store(out);
      doc.leaderSigned(hash.hex(), caller.username(), box(pending), now);
      session.completed(now);
      audit.record(caller, "DOCUMENT_SIGNED", doc.id().toString(), hash.hex(), null);
      LOG.infof("[%s] signed by leader [%s]", doc.id(), caller.username());
      return DocumentView.of(doc);
    } finally {
      PdfFiles.delete(in);
      PdfFiles.delete(out);
    }
  }

  /**
   * Demo mode: the leader signs with the server-held demo key, through the same two steps. 404
   * outside demo mode: the call does not exist there.
   */
  public DocumentView demoSign(Caller caller, UUID documentId) {
    if (!settings.demoMode()) {
      throw new NotFoundException("Không tìm thấy.");
    }
    caller.require("ký văn bản", Role.LEADER);
    KeySource source =
        engine
            .demoLeaderKey(caller.username())
            .orElseThrow(
                () ->
                    new IllegalTransitionException(
                        "Tài khoản này không có khóa ký demo trên máy chủ."));
    SessionView session;
    byte[] value;
    try (BorrowedKey key = source.borrow()) {
      session = prepare(caller, documentId, key.chain(), null, true);
      value = key.sign(Base64.getDecoder().decode(session.dataToSign()));
    } catch (SigningException e) {
      throw SigningErrors.of(e);
    }
    return complete(caller, session.id(), value);
  }

  private SessionView prepare(
      Caller caller,
      UUID documentId,
      List<X509Certificate> chain,
      Placement placement,
      boolean demo) {
    caller.require("ký văn bản", Role.LEADER);
    OutgoingDocument doc =
        documents
            .lock(documentId)
            .filter(d -> d.unitCode().equals(caller.unitCode()))
            .orElseThrow(SigningService::documentNotFound);
    doc.requireSignable();
    X509Certificate signer = chain.get(0);
    String fingerprint = sha256(encoded(signer));
    if (certificates
        .find(fingerprint)
        .filter(c -> c.username().equals(caller.username()))
        .isEmpty()) {
      audit.refusal(caller, "SIGNING_CERTIFICATE_REFUSED", documentId.toString(), fingerprint);
      throw new AccessDeniedException(
          "Chứng thư số này không được đăng ký là của người ký (" + caller.username() + ").");
    }
    Path in = files.copyOut(doc.fileSha256());
    try {
      Placement box = placement != null ? placement : PageBox.lastPageOf(in).leaderPlacement();
      String unitName = units.find(doc.unitCode()).map(u -> u.name()).orElse(doc.unitCode());
      Appearance.Leader appearance =
          new Appearance.Leader(
              attribute(signer, BCStyle.CN).orElse(caller.username()),
              attribute(signer, BCStyle.T).orElse("Lãnh đạo"),
              null,
              box);
      SignOptions options =
          new SignOptions(
              LEADER_LEVEL,
              appearance,
              demo ? "Ký phê duyệt (chữ ký demo, không có giá trị pháp lý)" : "Ký phê duyệt",
              unitName);
      PendingSignature pending;
      try {
        pending = engine.signer().prepare(in, options, chain);
      } catch (SigningException e) {
        throw SigningErrors.of(e);
      }
      Instant now = clock.instant();
      SigningSession session =
          SigningSession.prepared(
              UUID.randomUUID(),
              null,
              doc.id(),
              caller.username(),
              doc.fileSha256(),
              pending.toJson(),
              demo,
              now,
              now.plus(settings.signingSessionLifetime()));
      sessions.add(session);
      return new SessionView(
          session.id(),
          doc.id(),
          doc.abstractText(),
          doc.fileSha256(),
          Base64.getEncoder().encodeToString(pending.dataToSign()),
          Base64.getEncoder().encodeToString(digest(pending.dataToSign())),
          pending.signatureAlgorithm(),
          session.expiresAt());
    } finally {
      PdfFiles.delete(in);
    }
  }

  private static String box(PendingSignature pending) {
    if (pending.appearance() instanceof Appearance.Leader l) {
      Placement p = l.placement();
      return p.page() + " " + p.x() + " " + p.y() + " " + p.width() + " " + p.height();
    }
    return null;
  }

  /** The box a document's leader signature was placed in, for the seal that goes over it. */
  public static Optional<Placement> placement(String box) {
    if (box == null) {
      return Optional.empty();
    }
    String[] v = box.split(" ");
    return Optional.of(
        new Placement(
            Integer.parseInt(v[0]),
            Float.parseFloat(v[1]),
            Float.parseFloat(v[2]),
            Float.parseFloat(v[3]),
            Float.parseFloat(v[4])));
  }

  static List<X509Certificate> parseChain(List<byte[]> der) {
    if (der == null || der.isEmpty()) {
      throw InvalidInputException.field(
          "certificateChain", "Cần chuỗi chứng thư số của người ký (base64 DER, người ký trước).");
    }
    if (der.size() > MAX_CHAIN) {
      throw InvalidInputException.field("certificateChain", "Chuỗi chứng thư số quá dài.");
    }
    List<X509Certificate> chain = new ArrayList<>();
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      for (byte[] d : der) {
        chain.add((X509Certificate) f.generateCertificate(new ByteArrayInputStream(d)));
      }
    } catch (CertificateException | RuntimeException e) {
      throw InvalidInputException.field(
          "certificateChain", "Chuỗi chứng thư số không đọc được (cần base64 của DER X.509).");
    }
    return chain;
  }

  private static Optional<String> attribute(X509Certificate c, ASN1ObjectIdentifier type) {
    X500Name name = X500Name.getInstance(c.getSubjectX500Principal().getEncoded());
    RDN[] rdns = name.getRDNs(type);
    if (rdns.length == 0) {
      return Optional.empty();
    }
    return Optional.of(IETFUtils.valueToString(rdns[0].getFirst().getValue()));
  }

  static NotFoundException documentNotFound() {
    return new NotFoundException("Không tìm thấy văn bản.");
  }

  private static byte[] encoded(X509Certificate c) {
    try {
      return c.getEncoded();
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] digest(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha256(byte[] data) {
    return HexFormat.of().formatHex(digest(data));
  }
}
