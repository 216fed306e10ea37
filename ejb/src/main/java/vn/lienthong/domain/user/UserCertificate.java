package vn.lienthong.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A certificate registered as a user's own (chứng thư số cá nhân). A leader's signature is prepared
 * only for a certificate registered to that leader.
 */
@Entity
@Table(name = "user_certificate")
public class UserCertificate {
  @Id
  @Column(name = "sha256")
  private String sha256;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "subject", nullable = false)
  private String subject;

  @Column(name = "not_after", nullable = false)
  private Instant notAfter;

  @Column(name = "der", nullable = false)
  private byte[] der;

  @Column(name = "registered_at", nullable = false)
  private Instant registeredAt;

  @Column(name = "registered_by")
  private String registeredBy;

  protected UserCertificate() {}

  public UserCertificate(
      String sha256,
      String username,
      String subject,
      Instant notAfter,
      byte[] der,
      Instant registeredAt,
      String registeredBy) {
    this.sha256 = sha256;
    this.username = username;
    this.subject = subject;
    this.notAfter = notAfter;
    this.der = der.clone();
    this.registeredAt = registeredAt;
    this.registeredBy = registeredBy;
  }

  public String sha256() {
    return sha256;
  }

  public String username() {
    return username;
  }

  public String subject() {
    return subject;
  }

  public Instant notAfter() {
    return notAfter;
  }

  public Instant registeredAt() {
    return registeredAt;
  }
}
