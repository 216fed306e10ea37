package vn.lienthong.signing.agent;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A prompt the tests drive: it keeps the pairing codes shown, the batches asked, and answers each
 * batch with {@link #answer} (a PIN, or empty to decline).
 */
final class TestPrompt implements PinPrompt {

  final BlockingQueue<String> codes = new LinkedBlockingQueue<>();
  final List<String> pairedOrigins = new CopyOnWriteArrayList<>();
  final List<Batch> batches = new CopyOnWriteArrayList<>();
  private final String password;
  volatile Function<Batch, Optional<String>> answer;

  TestPrompt(String pin) {
    this.password = pin;
    this.answer = batch -> Optional.of(pin);
  }

  TestPrompt givingPin(String pin) {
    answer = batch -> Optional.of(pin);
    return this;
  }

  TestPrompt declining() {
    answer = batch -> Optional.empty();
    return this;
  }

  String nextCode() throws InterruptedException {
    String code = codes.poll(10, TimeUnit.SECONDS);
    if (code == null) {
      throw new AssertionError("no pairing code was shown");
    }
    return code;
  }

  @Override
  public void showPairingCode(String origin, String code) {
    codes.add(code);
  }

  @Override
  public void paired(String origin) {
    pairedOrigins.add(String.valueOf(origin));
  }

  @Override
  public Optional<char[]> approve(Batch batch) {
    batches.add(batch);
    return answer.apply(batch).map(String::toCharArray);
  }

  @Override
  public Optional<char[]> password(String purpose) {
    return Optional.of(password.toCharArray());
  }
}
