package vn.lienthong.signing.agent;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

/**
 * For tests and automated demos only: the PIN is read from a file for each batch and every batch is
 * confirmed; the pairing code is written to {@code <home>/pairing-code.txt} and printed, so a test
 * can read it. Anyone who can read those files can sign: never on an official's computer.
 */
final class HeadlessPrompt implements PinPrompt {

  static final String PAIRING_CODE_FILE = "pairing-code.txt";

  private final Path pinFile;
  private final Path home;
  private final PrintStream out;

  HeadlessPrompt(Path pinFile, Path home, PrintStream out) {
    this.pinFile = pinFile;
    this.home = home;
    this.out = out;
  }

  @Override
  public synchronized void showPairingCode(String origin, String code) {
    try {
      Files.createDirectories(home);
      Path tmp = Files.createTempFile(home, "pairing-code", ".tmp");
      Files.writeString(tmp, code + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp,
          home.resolve(PAIRING_CODE_FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println("Mã ghép nối cho " + (origin == null ? "(không có Origin)" : origin) + ": " + code);
  }

  @Override
  public Optional<char[]> approve(Batch batch) {
    out.println("Ký " + batch.documents().size() + " văn bản (chế độ không giao diện)");
    return Optional.of(readPin());
  }

  @Override
  public Optional<char[]> password(String purpose) {
    return Optional.of(readPin());
  }

  /** The file's text without its final line break, decoded into a char[] we can zero. */
  private char[] readPin() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(pinFile);
    } catch (IOException e) {
      throw new IllegalStateException("Không đọc được tệp mã PIN " + pinFile, e);
    }
    CharBuffer chars = null;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      int end = chars.limit();
      while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
        end--;
      }
      char[] pin = new char[end];
      chars.get(pin, 0, end);
      return pin;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("Tệp mã PIN " + pinFile + " không phải UTF-8", e);
    } finally {
      Arrays.fill(bytes, (byte) 0);
      if (chars != null && chars.hasArray()) {
        Arrays.fill(chars.array(), '\0');
      }
    }
  }
}
