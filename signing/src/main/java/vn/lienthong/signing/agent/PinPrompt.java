package vn.lienthong.signing.agent;

import java.awt.GraphicsEnvironment;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * What the agent asks the official, on their own screen: the pairing code to type into the page,
 * and for each batch what is signed, the PIN (once) and a confirmation. The PIN goes from here to
 * the token and nowhere else. Implementations: {@link ConsolePrompt} (a terminal), {@link
 * SwingPrompt} (a dialog when there is a screen but no terminal), {@link HeadlessPrompt} (tests:
 * the PIN from a file); tests inject their own to decline or give a wrong PIN.
 */
public interface PinPrompt {

  /** One document of a batch as shown: every text from the page, cleaned ({@link #clean}). */
  record Document(String title, String number, String documentSha256) {}

  /** A document of the batch that will not be signed, and why. */
  record Refused(String title, String reason) {}

  /**
   * What a batch will sign.
   *
   * @param origin the web page's origin; null for a program on this computer without one
   * @param signer the certificate holder's name (its CN)
   * @param certificate the certificate's subject, issuer and validity, in words
   * @param keyLocation where the key is ("USB token 'X'", "tệp leader.p12")
   * @param warning something the official should know first (an expired certificate), or null
   */
  record Batch(
      String origin,
      String signer,
      String certificate,
      String keyLocation,
      String warning,
      List<Document> documents,
      List<Refused> refused) {

    public Batch {
      documents = List.copyOf(documents);
      refused = List.copyOf(refused);
    }

    /** The batch in words (Vietnamese), as every prompt shows it. */
    public String text() {
      StringBuilder out = new StringBuilder();
      out.append("Yêu cầu ký số từ: ")
          .append(origin == null ? "một chương trình trên máy này (không qua trình duyệt)" : origin)
          .append('\n');
      out.append("Người ký: ").append(signer).append('\n');
      out.append("Chứng thư số: ").append(certificate).append('\n');
      out.append("Khóa ký: ").append(keyLocation).append('\n');
      if (warning != null) {
        out.append("CHÚ Ý: ").append(warning).append('\n');
      }
      out.append("Số văn bản sẽ ký: ").append(documents.size()).append('\n');
      for (int i = 0; i < documents.size(); i++) {
        Document d = documents.get(i);
        out.append("  ").append(i + 1).append(". ").append(d.title()).append('\n');
        if (d.number() != null) {
          out.append("     Số, ký hiệu: ").append(d.number()).append('\n');
        }
        out.append("     Mã băm SHA-256 của văn bản: ").append(d.documentSha256()).append('\n');
      }
      if (!refused.isEmpty()) {
        out.append("Không ký (yêu cầu không hợp lệ): ").append(refused.size()).append('\n');
        for (Refused r : refused) {
          out.append("  - ").append(r.title()).append(": ").append(r.reason()).append('\n');
        }
      }
      return out.toString();
    }
  }

  /**
   * Shows the pairing code, which the official types into the page that asked for pairing. Must not
   * block: the page is waiting for the code.
   */
  void showPairingCode(String origin, String code);

  /** Tells the official that a page was paired (or a program, when origin is null). */
  default void paired(String origin) {}

  /**
   * Shows the batch, asks for the PIN and a confirmation. Empty when the official declines. The
   * caller zeroes the PIN after use.
   */
  Optional<char[]> approve(Batch batch);

  /** A password to open the key file at start (PKCS#12 only: its certificates are encrypted). */
  Optional<char[]> password(String purpose);

  /**
   * A text from a web page, safe to show: control and formatting characters (terminal escapes,
   * right-to-left overrides) become spaces, and it is cut at {@code max} characters.
   */
  static String clean(String text, int max) {
    if (text == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(max + 1L)
        .forEach(
            c -> {
              int type = Character.getType(c);
              boolean hidden =
                  type == Character.CONTROL
                      || type == Character.FORMAT
                      || type == Character.LINE_SEPARATOR
                      || type == Character.PARAGRAPH_SEPARATOR
                      || type == Character.SURROGATE
                      || type == Character.UNASSIGNED
                      || type == Character.PRIVATE_USE;
              out.appendCodePoint(hidden ? ' ' : c);
            });
    if (out.codePointCount(0, out.length()) > max) {
      out.setLength(out.offsetByCodePoints(0, max));
      out.append('…');
    }
    return out.toString().strip();
  }

  /**
   * The prompt for a configuration: headless from the PIN file; else the terminal when there is
   * one; else a dialog when there is a screen; else none ({@link IllegalStateException}).
   */
  static PinPrompt forConfig(AgentConfig config, PrintStream out) {
    if (config.headless()) {
      return new HeadlessPrompt(config.pinFile(), config.home(), out);
    }
    if (System.console() != null) {
      return new ConsolePrompt(System.console());
    }
    if (!GraphicsEnvironment.isHeadless()) {
      return new SwingPrompt();
    }
    throw new IllegalStateException(
        "Không có cửa sổ dòng lệnh hay màn hình để hỏi mã PIN: hãy chạy chương trình trong cửa sổ"
            + " dòng lệnh (Terminal, Command Prompt) hoặc trên máy có màn hình");
  }
}
