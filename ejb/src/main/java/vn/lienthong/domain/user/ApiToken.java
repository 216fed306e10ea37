package vn.lienthong.domain.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A personal API token: a script's credential that acts as its user, in the user's unit and role
 * when it was made. Only the secret's SHA-256 is stored; the secret itself is shown once.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {
  @Id
  @Column(name = "id")
  private String id;

  @Column(name = "username", nullable = false)
  private String username;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false)
  private Role role;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "secret_sha256", nullable = false)
  private String secretSha256;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiToken() {}

  public ApiToken(
      String id,
      User user,
      String name,
      String secretSha256,
      Instant createdAt,
      Instant expiresAt) {
    this.id = id;
    this.username = user.username();
    this.unitCode = user.unitCode();
    this.role = user.role();
    this.name = name;
    this.secretSha256 = secretSha256;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  /** Whether it still opens the API at the instant, for the user as they are now. */
  public boolean usable(User user, Instant now) {
    return revokedAt == null
        && now.isBefore(expiresAt)
        && user.enabled()
        && user.username().equals(username)
        && user.role() == role
        && user.unitCode().equals(unitCode);
  }

  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  public String id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String unitCode() {
    return unitCode;
  }

  public Role role() {
    return role;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
