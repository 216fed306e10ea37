package vn.lienthong.signing.agent;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import vn.lienthong.signing.key.TokenSelector;

/**
 * How the agent runs: from the command line, then {@code <home>/agent.properties} for what the
 * command line does not say (its origins are added to the command line's).
 *
 * @param port 127.0.0.1 port; 0 takes any free one (tests)
 * @param origins the web origins allowed to call the agent, normalized ({@link #origin})
 * @param home the agent's folder: agent.properties, pairings.properties, pairing-code.txt
 * @param pkcs11 the token's PKCS#11 library, or null
 * @param token which token of the library; null: every token present
 * @param pkcs12 a PKCS#12 file instead of a token (demos), or null
 * @param headless no prompt: the PIN from {@code pinFile}, every batch confirmed (tests)
 */
public record AgentConfig(
    int port,
    Set<String> origins,
    Path home,
    Path pkcs11,
    TokenSelector token,
    Path pkcs12,
    boolean headless,
    Path pinFile) {

  public static final int DEFAULT_PORT = 8765;

  public AgentConfig {
    origins = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(origins));
  }

  /** A command line that is not one: the message (Vietnamese) says what is wrong. */
  public static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private static final Set<String> WITH_VALUE =
      Set.of("port", "origin", "home", "pkcs11", "token-label", "slot-index", "pkcs12", "pin-file");

  private static final Set<String> FILE_KEYS =
      Set.of("port", "origins", "pkcs11", "token-label", "slot-index", "pkcs12");

  /** Reads the command line (without {@code --help}) and the home folder's agent.properties. */
  public static AgentConfig parse(String[] args) {
    Map<String, String> single = new LinkedHashMap<>();
    List<String> origins = new ArrayList<>();
    boolean headless = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--headless")) {
        headless = true;
        continue;
      }
      if (!arg.startsWith("--") || !WITH_VALUE.contains(arg.substring(2))) {
        throw new UsageException("Tùy chọn không hợp lệ: " + arg);
      }
      if (i + 1 >= args.length) {
        throw new UsageException("Thiếu giá trị cho " + arg);
      }
      String name = arg.substring(2);
      String value = args[++i];
      if (name.equals("origin")) {
        origins.addAll(List.of(value.split(",", -1)));
      } else if (single.put(name, value) != null) {
        throw new UsageException("Tùy chọn " + arg + " chỉ được cho một lần");
      }
    }
    Path home =
        Path.of(
            single.getOrDefault(
                "home", Path.of(System.getProperty("user.home"), ".lienthong-agent").toString()));
    Properties file = readFile(home.resolve("agent.properties"));
    for (String key : file.stringPropertyNames()) {
      if (!FILE_KEYS.contains(key)) {
        throw new UsageException("Khóa không hợp lệ trong agent.properties: " + key);
      }
      String value = file.getProperty(key).trim();
      if (key.equals("origins")) {
        origins.addAll(List.of(value.split(",", -1)));
      } else {
        single.putIfAbsent(key, value);
      }
    }

    int port = port(single.getOrDefault("port", String.valueOf(DEFAULT_PORT)));
    Set<String> allowed = new LinkedHashSet<>();
    for (String origin : origins) {
      if (!origin.isBlank()) {
        allowed.add(origin(origin.trim()));
      }
    }
    Path pkcs11 = path(single.get("pkcs11"));
    Path pkcs12 = path(single.get("pkcs12"));
    if ((pkcs11 == null) == (pkcs12 == null)) {
      throw new UsageException(
          "Cần đúng một trong hai: --pkcs11 THƯ_VIỆN (USB token) hoặc --pkcs12 TỆP");
    }
    TokenSelector token = null;
    if (single.containsKey("token-label") && single.containsKey("slot-index")) {
      throw new UsageException("Chỉ dùng một trong hai: --token-label hoặc --slot-index");
    }
    if (single.containsKey("token-label")) {
      token = TokenSelector.tokenLabel(single.get("token-label"));
    } else if (single.containsKey("slot-index")) {
      token = TokenSelector.slotListIndex(nonNegative("slot-index", single.get("slot-index")));
    }
    if (token != null && pkcs11 == null) {
      throw new UsageException("--token-label và --slot-index chỉ dùng với --pkcs11");
    }
    Path pinFile = path(single.get("pin-file"));
    if (headless != (pinFile != null)) {
      throw new UsageException("--headless và --pin-file phải đi cùng nhau (chỉ để kiểm thử)");
    }
    return new AgentConfig(port, allowed, home, pkcs11, token, pkcs12, headless, pinFile);
  }

  /**
   * An origin as browsers send it: {@code http} or {@code https}, lower-case host, the port only
   * when it is not the scheme's default, no path. Anything else is {@link UsageException}.
   */
  public static String origin(String text) {
    String normalized = normalizeOrigin(text);
    if (normalized == null) {
      throw new UsageException(
          "Nguồn (origin) không hợp lệ: "
              + text
              + " (dạng https://ten-mien hoặc http://localhost:8080, không có đường dẫn)");
    }
    return normalized;
  }

  /** {@link #origin} for a request's Origin header: null when it is not a web origin. */
  static String normalizeOrigin(String text) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getRawUserInfo() != null
          || uri.getHost() == null
          || uri.getRawQuery() != null
          || uri.getRawFragment() != null
          || !(uri.getRawPath() == null
              || uri.getRawPath().isEmpty()
              || uri.getRawPath().equals("/"))) {
        return null;
      }
      int port = uri.getPort();
      if (port == (scheme.equals("https") ? 443 : 80)) {
        port = -1;
      }
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (port < 0 ? "" : ":" + port);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Properties readFile(Path file) {
    Properties properties = new Properties();
    if (Files.isRegularFile(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        properties.load(in);
      } catch (IOException | IllegalArgumentException e) {
        throw new UsageException("Không đọc được " + file + ": " + e.getMessage());
      }
    }
    return properties;
  }

  private static int port(String text) {
    int port = nonNegative("port", text);
    if (port > 65535) {
      throw new UsageException("Cổng không hợp lệ: " + text);
    }
    return port;
  }

  private static int nonNegative(String name, String text) {
    try {
      int value = Integer.parseInt(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // below
    }
    throw new UsageException("Giá trị không hợp lệ cho --" + name + ": " + text);
  }

  private static Path path(String text) {
    return text == null || text.isBlank() ? null : Path.of(text.trim());
  }
}
