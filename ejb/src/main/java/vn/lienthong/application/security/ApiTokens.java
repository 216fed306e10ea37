package vn.lienthong.application.security;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.domain.AccessDeniedException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.user.ApiToken;
import vn.lienthong.domain.user.Role;
import vn.lienthong.domain.user.User;
import vn.lienthong.domain.user.Users;

/**
 * Personal API tokens. A token reads {@code lt_<id>.<secret>} and is sent as {@code Authorization:
 * Bearer}; the login guard hands it to the security domain as the principal {@code ~<id>} with the
 * secret as its password, which the token realm checks against the stored SHA-256 (40-security.cli)
 * at the cost of one hash, where a password costs a bcrypt check.
 */
@Stateless
public class ApiTokens {
  /** What a token reads like: the prefix lets secret scanners and the login guard find it. */
  public static final String PREFIX = "lt_";

  /** The principal a token authenticates as. */
  public static final String PRINCIPAL_PREFIX = "~";

  static final int DEFAULT_DAYS = 90;
  static final int MAX_DAYS = 365;
  private static final int MAX_NAME = 100;
  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject Users users;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** A token as its owner lists it: never the secret. */
  public record TokenView(
      String id,
      String name,
      String role,
      String unitCode,
      Instant createdAt,
      Instant expiresAt,
      Instant revokedAt) {
    static TokenView of(ApiToken t) {
      return new TokenView(
          t.id(),
          t.name(),
          t.role().name(),
          t.unitCode(),
          t.createdAt(),
          t.expiresAt(),
          t.revokedAt());
    }
  }

  /** A token just made: the only time its secret is seen. */
  public record Issued(TokenView token, String secret) {}

  /**
   * Makes a token for the caller, valid for the days asked (90 unless given, at most 365). A token
   * cannot make another: a leaked one must not outlive its own revocation.
   */
  public Issued create(Caller caller, boolean callerUsesToken, String name, Integer days) {
    if (callerUsesToken) {
      throw new AccessDeniedException(
          "Mã truy cập không dùng để tạo mã truy cập khác; hãy đăng nhập bằng mật khẩu.");
    }
    String clean = name == null ? "" : name.replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
    if (clean.isEmpty() || clean.codePointCount(0, clean.length()) > MAX_NAME) {
      throw InvalidInputException.field(
          "name", "Cần tên cho mã truy cập (tối đa " + MAX_NAME + " ký tự), ví dụ tên kịch bản.");
    }
    int valid = days == null ? DEFAULT_DAYS : days;
    if (valid < 1 || valid > MAX_DAYS) {
      throw InvalidInputException.field(
          "expiresInDays", "Thời hạn từ 1 đến " + MAX_DAYS + " ngày.");
    }
    User user =
        users
            .find(caller.username())
            .orElseThrow(() -> new NotFoundException("Không tìm thấy tài khoản."));
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant();
    ApiToken token =
        new ApiToken(id, user, clean, sha256Hex(secret), now, now.plus(Duration.ofDays(valid)));
    em.persist(token);
    audit.record(caller, "API_TOKEN_CREATED", id, clean);
    return new Issued(TokenView.of(token), PREFIX + id + "." + secret);
  }

  /** The caller's own tokens, newest first, revoked ones included. */
  public List<TokenView> list(Caller caller) {
    return em
        .createQuery(
            "SELECT t FROM ApiToken t WHERE t.username = :u ORDER BY t.createdAt DESC",
            ApiToken.class)
        .setParameter("u", caller.username())
        .setMaxResults(200)
        .getResultList()
        .stream()
        .map(TokenView::of)
        .toList();
  }

  /**
   * Revokes one of the caller's tokens; an administrator may revoke anyone's (a leaked script's
   * token). Another user's token is "not found" to everyone else.
   */
  public TokenView revoke(Caller caller, String id) {
    ApiToken token = em.find(ApiToken.class, id);
    if (token == null
        || (!token.username().equals(caller.username()) && caller.role() != Role.ADMIN)) {
      throw new NotFoundException("Không tìm thấy mã truy cập.");
    }
    token.revoke(clock.instant());
    audit.record(caller, "API_TOKEN_REVOKED", id, token.username());
    return TokenView.of(token);
  }

  /** The caller a token principal ({@code ~<id>}) stands for, while the token is usable. */
  public Optional<Caller> caller(String principal) {
    if (!principal.startsWith(PRINCIPAL_PREFIX)) {
      return Optional.empty();
    }
    ApiToken token = em.find(ApiToken.class, principal.substring(PRINCIPAL_PREFIX.length()));
    if (token == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    return users
        .find(token.username())
        .filter(u -> token.usable(u, now))
        .map(u -> new Caller(u.username(), token.role(), token.unitCode()));
  }

  static String sha256Hex(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
