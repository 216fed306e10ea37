package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Login throttling against the real server: after ten wrong passwords for an account, or fifty from
 * one address, within the window, the next attempt is refused with 429 even when its password is
 * right, which shows the password was never checked. Each test guesses from an address of its own
 * (127.0.0.3...) at accounts no other test uses, so the lockouts it causes stay with it.
 */
class LoginThrottleIT {
  private final Api api = TestServer.api();

  private static Map<String, String> basic(String user, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return Map.of("Authorization", "Basic " + token);
  }

  private RawHttp.Answer units(String from, String user, String password) {
    return RawHttp.getFrom(from, TestServer.get().baseUri(), "api/v1/units", basic(user, password));
  }

  private static void assertLockedOut(RawHttp.Answer a) {
    assertThat(a.status()).isEqualTo(429);
    assertThat(a.isProblem()).isTrue();
    assertThat(a.body()).contains("Quá nhiều yêu cầu").contains("Đăng nhập sai quá nhiều lần");
    assertThat(Long.parseLong(a.headers().get("retry-after"))).isBetween(1L, 300L);
  }

  @Test
  void theEleventhAttemptOnAnAccountIsRefusedWithoutCheckingThePassword() {
    String user = "chuyenvien.xuanha";
    for (int i = 1; i <= 10; i++) {
      assertThat(units("127.0.0.3", user, "sai-" + i).status()).as("attempt %d", i).isEqualTo(401);
    }
    // the right password now: a check would let it in, so a 429 means there was none
    assertLockedOut(units("127.0.0.3", user, Api.PASSWORD));
    // the account is locked wherever the next guess comes from
    assertThat(api.get(user, "api/v1/units").status()).isEqualTo(429);
    // the address is not (ten is below its fifty): another account logs in from it
    assertThat(units("127.0.0.3", "lanhdao.xuanha", Api.PASSWORD).status()).isEqualTo(200);

    // each failure is in the audit trail, and the lockout once; refused attempts add nothing
    assertThat(audited(user, "LOGIN_FAILED")).isEqualTo(10);
    assertThat(audited(user, "LOGIN_LOCKED")).isEqualTo(1);
  }

  @Test
  void fiftyFailuresFromOneAddressLockItForEveryAccount() {
    // unknown accounts count too (and cost the server as much as known ones)
    for (int i = 1; i <= 50; i++) {
      assertThat(units("127.0.0.4", "khong.co." + i, "sai").status())
          .as("attempt %d", i)
          .isEqualTo(401);
    }
    assertLockedOut(units("127.0.0.4", "vanthu.xuanha", Api.PASSWORD));
    // the account itself is not locked: its owner, elsewhere, logs in
    assertThat(api.get("vanthu.xuanha", "api/v1/units").status()).isEqualTo(200);
  }

  @Test
  void rightPasswordsAreNeverCounted() {
    String user = "chuyenvien.chinhgian";
    for (int i = 1; i <= 15; i++) {
      assertThat(units("127.0.0.8", user, Api.PASSWORD).status()).as("call %d", i).isEqualTo(200);
    }
    assertThat(audited(user, "LOGIN_FAILED")).isZero();
  }

  @Test
  void wrongCredentialsOnAPublicPathCountAndResetNothing() {
    String user = "chuyenvien.tamthuan";
    for (int i = 1; i <= 9; i++) {
      assertThat(units("127.0.0.7", user, "sai-" + i).status()).as("attempt %d", i).isEqualTo(401);
    }
    // the public verification answers whatever the credentials: a wrong password there must
    // neither clear the count nor go uncounted
    RawHttp.getFrom(
        "127.0.0.7",
        TestServer.get().baseUri(),
        "api/v1/verifications/" + "0".repeat(64),
        basic(user, "sai-10"));
    assertLockedOut(units("127.0.0.7", user, Api.PASSWORD));
  }

  @Test
  void theWebClientsLoginIsThrottledToo() {
    String user = "lanhdao.vinhtrung";
    for (int i = 1; i <= 10; i++) {
      assertThat(sessionLogin(user, "sai-" + i).status()).as("attempt %d", i).isEqualTo(401);
    }
    RawHttp.Answer refused = sessionLogin(user, Api.PASSWORD);
    assertLockedOut(refused);
    assertThat(refused.headers()).doesNotContainKey("set-cookie");
    // Basic credentials for the same account meet the same lockout
    assertThat(units("127.0.0.5", user, Api.PASSWORD).status()).isEqualTo(429);
  }

  private RawHttp.Answer sessionLogin(String user, String password) {
    String json = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
    return RawHttp.postFrom(
        "127.0.0.5",
        TestServer.get().baseUri(),
        "api/v1/session",
        Map.of("Content-Type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  private static long audited(String actor, String action) {
    return TestServer.count(
        "SELECT count(*) FROM audit_event WHERE actor = '"
            + actor
            + "' AND action = '"
            + action
            + "'");
  }
}
