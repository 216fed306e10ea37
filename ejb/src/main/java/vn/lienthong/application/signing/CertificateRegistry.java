package vn.lienthong.application.signing;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.application.security.Caller;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.user.Role;
import vn.lienthong.domain.user.UserCertificate;
import vn.lienthong.domain.user.UserCertificates;
import vn.lienthong.domain.user.Users;

/**
 * Which certificates are whose: the administrator registers an official's certificate (issued to
 * him by the certification authority, on his USB token) so that his signatures are accepted.
 */
@Stateless
public class CertificateRegistry {
  @Inject Users users;
  @Inject UserCertificates certificates;
  @Inject SignatureServices engine;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A registered certificate, as the admin pages list it. */
  public record CertificateView(String sha256, String subject, String notAfter) {
    static CertificateView of(UserCertificate c) {
      return new CertificateView(c.sha256(), c.subject(), c.notAfter().toString());
    }
  }

  public CertificateView register(Caller caller, String username, byte[] der) {
    caller.require("đăng ký chứng thư số", Role.ADMIN);
    users.find(username).orElseThrow(() -> new NotFoundException("Không có tài khoản này."));
    X509Certificate c = SigningService.parseChain(List.of(der)).get(0);
    String sha = SigningService.sha256(der);
    var existing = certificates.find(sha);
    if (existing.isPresent()) {
      if (!existing.get().username().equals(username)) {
        throw new IllegalTransitionException(
            "Chứng thư số này đã được đăng ký cho một tài khoản khác.");
      }
      return CertificateView.of(existing.get());
    }
    UserCertificate registered =
        new UserCertificate(
            sha,
            username,
            c.getSubjectX500Principal().getName(),
            c.getNotAfter().toInstant(),
            der,
            clock.instant(),
            caller.username());
    certificates.add(registered);
    audit.record(caller, "CERTIFICATE_REGISTERED", username, sha);
    return CertificateView.of(registered);
  }

  public List<CertificateView> of(Caller caller, String username) {
    if (!caller.username().equals(username)) {
      caller.require("xem chứng thư số", Role.ADMIN);
    }
    return certificates.of(username).stream().map(CertificateView::of).toList();
  }

  /**
   * Demo mode: the demo CA revokes a certificate for key compromise (to show what a verifier then
   * says), known since {@code compromisedSince} when given (never in the future), else since now.
   */
  public void revokeDemo(Caller caller, byte[] der, Optional<Instant> compromisedSince) {
    caller.require("thu hồi chứng thư số demo", Role.ADMIN);
    Instant now = clock.instant();
    Instant since = compromisedSince.orElse(now);
    if (since.isAfter(now)) {
      throw InvalidInputException.field(
          "compromisedSince", "Thời điểm lộ khóa không được ở tương lai.");
    }
    engine.revokeDemoCertificate(der, since);
    audit.record(
        caller,
        "DEMO_CERTIFICATE_REVOKED",
        null,
        SigningService.sha256(der) + (compromisedSince.isPresent() ? " since " + since : ""));
  }
}
