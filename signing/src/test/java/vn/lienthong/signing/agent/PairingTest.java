package vn.lienthong.signing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairingTest {

  static final String ORIGIN = "https://lienthong.thanhkhe.danang.gov.vn";

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    volatile Instant now = Instant.parse("2026-12-01T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @TempDir Path home;
  private final TestPrompt prompt = new TestPrompt("unused");
  private final TestClock clock = new TestClock();

  private static int status(Runnable call) {
    try {
      call.run();
      return 200;
    } catch (AgentException e) {
      return e.status();
    }
  }

  @Test
  void aCodeExpiresAfterFiveMinutes() throws Exception {
    Pairing pairing = new Pairing(home, prompt, clock);
    String id = pairing.start(ORIGIN, null);
    String code = prompt.nextCode();
    clock.now = clock.now.plus(Pairing.CODE_VALIDITY);
    assertThatThrownBy(() -> pairing.complete(id, ORIGIN, code))
        .isInstanceOf(AgentException.class)
        .extracting(e -> ((AgentException) e).code())
        .isEqualTo("unknown-pairing");

    String again = pairing.start(ORIGIN, null);
    String newCode = prompt.nextCode();
    clock.now = clock.now.plus(Pairing.CODE_VALIDITY.minus(Duration.ofSeconds(1)));
    String token = pairing.complete(again, ORIGIN, newCode);
    assertThat(pairing.isPaired("Bearer " + token, ORIGIN)).isTrue();
    assertThat(pairing.isPaired("bearer " + token, ORIGIN)).isTrue();
    assertThat(pairing.isPaired(token, ORIGIN)).isFalse();
    assertThat(pairing.isPaired("Bearer " + token, null)).isFalse();
    assertThat(new Pairing(home, prompt, clock).isPaired("Bearer " + token, ORIGIN)).isTrue();
  }

  @Test
  void afterTwentyWrongCodesNoMorePairingsUntilRestart() throws Exception {
    Pairing pairing = new Pairing(home, prompt, clock);
    int wrong = 0;
    while (wrong < Pairing.MAX_WRONG_CODES) {
      String id = pairing.start(ORIGIN, null);
      String code = prompt.nextCode();
      String other = code.equals("999999") ? "000000" : "999999";
      for (int i = 0; i < Pairing.MAX_ATTEMPTS && wrong < Pairing.MAX_WRONG_CODES; i++, wrong++) {
        assertThat(status(() -> pairing.complete(id, ORIGIN, other))).isEqualTo(401);
      }
    }
    assertThatThrownBy(() -> pairing.start(ORIGIN, null))
        .isInstanceOf(AgentException.class)
        .extracting(e -> ((AgentException) e).code())
        .isEqualTo("pairing-locked");
    // a restarted agent pairs again
    Pairing restarted = new Pairing(home, prompt, clock);
    String id = restarted.start(ORIGIN, null);
    assertThat(restarted.complete(id, ORIGIN, prompt.nextCode())).hasSize(43);
  }
}
