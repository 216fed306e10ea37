package vn.lienthong.signing.agent;

import java.io.Console;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The prompt in the terminal the agent runs in: the PIN read without echo. */
final class ConsolePrompt implements PinPrompt {

  private static final Set<String> YES = Set.of("y", "yes", "c", "co", "có", "đồng ý", "dong y");

  private final Console console;

  ConsolePrompt(Console console) {
    this.console = console;
  }

  @Override
  public void showPairingCode(String origin, String code) {
    console.printf(
        "%n*** Yêu cầu ghép nối từ %s%n*** Mã ghép nối: %s (hiệu lực %d phút)%n"
            + "*** Chỉ nhập mã này vào trang web nếu chính bạn vừa yêu cầu ghép nối.%n",
        origin == null ? "một chương trình trên máy này" : origin,
        code,
        Pairing.CODE_VALIDITY.toMinutes());
    console.flush();
  }

  @Override
  public void paired(String origin) {
    console.printf(
        "Đã ghép nối với %s.%n", origin == null ? "một chương trình trên máy này" : origin);
    console.flush();
  }

  @Override
  public synchronized Optional<char[]> approve(Batch batch) {
    console.printf("%n========== KÝ SỐ ==========%n%s", batch.text());
    char[] pin = console.readPassword("Nhập mã PIN để ký (bỏ trống để từ chối): ");
    if (pin == null || pin.length == 0) {
      console.printf("Đã từ chối.%n");
      return Optional.empty();
    }
    String answer =
        console.readLine("Đồng ý ký %d văn bản trên? (y/N): ", batch.documents().size());
    if (answer == null || !YES.contains(answer.strip().toLowerCase(Locale.ROOT))) {
      Arrays.fill(pin, '\0');
      console.printf("Đã từ chối.%n");
      return Optional.empty();
    }
    return Optional.of(pin);
  }

  @Override
  public synchronized Optional<char[]> password(String purpose) {
    char[] password = console.readPassword("%s: ", purpose);
    return password == null || password.length == 0 ? Optional.empty() : Optional.of(password);
  }
}
