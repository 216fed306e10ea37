package vn.lienthong.signing.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import vn.lienthong.signing.key.Pkcs11KeySource;

/**
 * {@code lienthong-agent}: the local signing agent. It runs on an official's computer, talks
 * PKCS#11 to their USB token and answers, on 127.0.0.1 only, the web client of the district's
 * server: it lists the token's certificates and signs the data the server prepared for each
 * document (the CMS signed attributes of a two-step PAdES signature), after showing the official
 * what is signed and asking for the PIN itself. The PIN never reaches the browser or the server.
 *
 * <p>Started with {@link #main} ({@code java -jar lienthong-agent.jar ...}, see {@link #USAGE}) or,
 * in tests, with {@link #start}.
 */
public final class SigningAgent implements AutoCloseable {

  public static final String NAME = "lienthong-agent";

  public static final int OK = 0;

  /** Wrong command line (sysexits EX_USAGE). */
  public static final int USAGE_ERROR = 64;

  /** The port is taken (EX_UNAVAILABLE). */
  public static final int UNAVAILABLE = 69;

  /** Nothing to ask the PIN with, a key file that cannot be read (EX_CONFIG). */
  public static final int CONFIG_ERROR = 78;

  static final String USAGE =
      """
      lienthong-agent — chương trình ký số trên máy của cán bộ (Liên Thông)

      Chạy trên máy có USB token; trang web Liên Thông gọi chương trình này (chỉ qua
      127.0.0.1) để ký văn bản. Mã PIN do chương trình này hỏi, không qua trình duyệt.

        java -jar lienthong-agent.jar --pkcs11 THƯ_VIỆN [--token-label NHÃN | --slot-index N]
                                      --origin https://lienthong.example.gov.vn [tùy chọn]
        java -jar lienthong-agent.jar --pkcs12 TỆP.p12 --origin http://localhost:8080   (demo)

      Tùy chọn:
        --pkcs11 THƯ_VIỆN     thư viện PKCS#11 của USB token (nhà cung cấp token cài sẵn),
                              ví dụ /usr/lib/x86_64-linux-gnu/<nhà-cung-cấp>.so hoặc
                              C:\\Windows\\System32\\<nhà-cung-cấp>.dll
        --token-label NHÃN    chỉ dùng token có nhãn này (mặc định: mọi token đang cắm)
        --slot-index N        chỉ dùng token thứ N (từ 0) trong danh sách token
        --pkcs12 TỆP          tệp PKCS#12 thay cho token (demo); "mã PIN" là mật khẩu tệp
        --origin NGUỒN        trang web được phép gọi (https://tên-miền[:cổng]); lặp lại được,
                              hoặc nhiều nguồn cách nhau bởi dấu phẩy
        --port CỔNG           cổng trên 127.0.0.1 (mặc định 8765)
        --home THƯ_MỤC        thư mục cấu hình (mặc định ~/.lienthong-agent): agent.properties,
                              pairings.properties (các trang đã ghép nối)
        --headless --pin-file TỆP
                              CHỈ ĐỂ KIỂM THỬ: mã PIN đọc từ tệp, tự đồng ý ký, mã ghép nối ghi
                              vào THƯ_MỤC/pairing-code.txt
        --help                hướng dẫn này

      agent.properties (trong thư mục cấu hình) có thể chứa: port, origins (cách nhau bởi dấu
      phẩy), pkcs11, token-label, slot-index, pkcs12. Tùy chọn dòng lệnh được ưu tiên; các nguồn
      được cộng thêm.

      Mã thoát: 0 thành công, 64 sai tùy chọn, 69 cổng đang được dùng, 78 cấu hình (không hỏi
      được mã PIN, không đọc được tệp khóa).
      """;

  private final AgentHttp http;

  private SigningAgent(AgentHttp http) {
    this.http = http;
  }

  /**
   * Starts the agent with its keys, pairings and HTTP side; {@code prompt} asks the official (tests
   * pass their own), {@code log} gets a line per event. For a PKCS#12 file the prompt is asked for
   * its password here, to read its certificates.
   */
  public static SigningAgent start(AgentConfig config, PinPrompt prompt, PrintStream log)
      throws IOException {
    createPrivateFolder(config.home());
    SignerKeys keys =
        config.pkcs11() != null
            ? new TokenKeys(config.pkcs11(), config.token())
            : new FileKeys(config.pkcs12(), prompt);
    Pairing pairing = new Pairing(config.home(), prompt, Clock.systemUTC());
    Signatures signatures = new Signatures(keys, prompt, log);
    return new SigningAgent(
        AgentHttp.start(
            config.port(), config.origins(), pairing, keys, signatures, version(), log));
  }

  /** The port it listens on (the one chosen when the configuration said 0). */
  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.close();
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the agent until the process is stopped; returns at once for help and errors. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      out.print(USAGE);
      return OK;
    }
    AgentConfig config;
    try {
      config = AgentConfig.parse(args);
    } catch (AgentConfig.UsageException e) {
      err.println(e.getMessage());
      err.println("Chạy lienthong-agent --help để xem hướng dẫn.");
      return USAGE_ERROR;
    }
    if (config.pkcs11() != null && !Files.isRegularFile(config.pkcs11())) {
      err.println(
          "Không tìm thấy thư viện PKCS#11 "
              + config.pkcs11()
              + ": hãy cài phần mềm của USB token hoặc sửa --pkcs11");
      return CONFIG_ERROR;
    }
    SigningAgent agent;
    try {
      agent = start(config, PinPrompt.forConfig(config, out), out);
    } catch (BindException e) {
      err.println(
          "Cổng "
              + config.port()
              + " trên 127.0.0.1 đang được dùng (chương trình ký số đã chạy rồi?)");
      return UNAVAILABLE;
    } catch (IllegalStateException e) {
      err.println(e.getMessage());
      return CONFIG_ERROR;
    } catch (IOException e) {
      err.println("Không khởi động được chương trình ký số: " + e.getMessage());
      return CONFIG_ERROR;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  agent.close();
                  Pkcs11KeySource.closeAllTokens();
                },
                "lienthong-agent-shutdown"));
    out.println("Chương trình ký số Liên Thông đang chạy tại http://127.0.0.1:" + agent.port());
    out.println("Khóa ký: " + (config.pkcs11() != null ? config.pkcs11() : config.pkcs12()));
    if (config.origins().isEmpty()) {
      out.println(
          "Chưa có trang web nào được phép (--origin): chỉ chương trình trên máy này gọi được");
    } else {
      out.println("Trang web được phép: " + String.join(", ", config.origins()));
    }
    out.println("Để dừng: đóng cửa sổ này hoặc nhấn Ctrl+C.");
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return OK;
  }

  /** The agent's folder, readable by its owner only where the file system says who that is. */
  private static void createPrivateFolder(Path home) throws IOException {
    if (Files.isDirectory(home)) {
      return;
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(home);
    }
  }

  /** The version of the jar it runs from (Maven's pom.properties), "dev" from classes. */
  static String version() {
    try (InputStream in =
        SigningAgent.class.getResourceAsStream(
            "/META-INF/maven/vn.lienthong/lienthong-signing/pom.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        return properties.getProperty("version", "dev");
      }
    } catch (IOException e) {
      // below
    }
    return "dev";
  }
}
