package vn.lienthong.application.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.domain.TooManyRequestsException;

/**
 * What every login path (HTTP Basic, the web client's session, API tokens) asks before and tells
 * after a password check: the throttle's verdict, and the audit trail's record of each failure and
 * of each lockout. The throttle bounds how many entries a guesser can add to the trail.
 */
@ApplicationScoped
public class LoginAttempts {
  /** Audit actors are at most 64 characters (audit_event.actor). */
  private static final int ACTOR_LENGTH = 64;

  @Inject LoginThrottle throttle;
  @Inject AuditLog audit;

  /** How long the caller must wait, if the account or the address is locked out now. */
  public Optional<Duration> refused(String username, String address) {
    return throttle.refused(username, address);
  }

  /** A wrong password or an unknown account: counted, and recorded in the audit trail. */
  public void failed(String username, String address) {
    boolean locked = throttle.failed(username, address);
    Caller who = new Caller(actor(username), null, null);
    audit.refusal(who, "LOGIN_FAILED", null, "từ địa chỉ " + address);
    if (locked) {
      audit.refusal(who, "LOGIN_LOCKED", null, "từ địa chỉ " + address);
    }
  }

  public void succeeded(String username) {
    throttle.succeeded(username);
  }

  /** The refusal a locked-out login gets: when to try again, in minutes as a person reads it. */
  public static TooManyRequestsException tooMany(Duration wait) {
    long seconds = Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    long minutes = (seconds + 59) / 60;
    return new TooManyRequestsException(
        "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau " + minutes + " phút.", seconds);
  }

  private static String actor(String username) {
    String u = username == null ? "" : username.strip();
    return u.codePoints()
        .limit(ACTOR_LENGTH)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
