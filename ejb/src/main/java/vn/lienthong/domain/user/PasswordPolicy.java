package vn.lienthong.domain.user;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import vn.lienthong.domain.InvalidInputException;

/**
 * The minimum a password must meet before it is hashed: long enough to resist guessing at the login
 * throttle's rate, within what bcrypt reads (72 bytes), and not the account's name, a demo password
 * or one of the passwords every guesser tries first.
 */
public final class PasswordPolicy {
  public static final int MIN_LENGTH = 12;

  /** bcrypt ignores every byte past the 72nd: a longer password would not mean more. */
  public static final int MAX_BYTES = 72;

  private static final Set<String> COMMON =
      Set.of(
          "demo",
          "password",
          "password123",
          "matkhau",
          "matkhau123",
          "123456789012",
          "1234567890123",
          "qwertyuiopas",
          "administrator",
          "admin@123456",
          "abc@12345678",
          "lienthong",
          "lienthong123",
          "iloveyou1234");

  private PasswordPolicy() {}

  /** Refuses the password (400, with the reason under "password") unless it meets the policy. */
  public static void check(String username, String password) {
    String reason = problem(username, password);
    if (reason != null) {
      throw new InvalidInputException(
          "Mật khẩu chưa đạt yêu cầu tối thiểu.", java.util.Map.of("password", reason));
    }
  }

  /** Why the password falls short, or null when it meets the policy. */
  public static String problem(String username, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "Mật khẩu cần ít nhất " + MIN_LENGTH + " ký tự.";
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      return "Mật khẩu dài quá " + MAX_BYTES + " byte (UTF-8).";
    }
    if (password.codePoints().distinct().count() < 5) {
      return "Mật khẩu cần ít nhất 5 ký tự khác nhau.";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower)) {
      return "Mật khẩu này quá phổ biến.";
    }
    if (username != null
        && !username.isBlank()
        && lower.contains(username.toLowerCase(Locale.ROOT).strip())) {
      return "Mật khẩu không được chứa tên đăng nhập.";
    }
    return null;
  }
}
