package vn.lienthong.signing.agent;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Pairing: a page (or a local program) earns a bearer token by typing the code the agent shows the
 * official, so that no other page, and no other script of an allowed origin, drives the agent
 * without them. A token is bound to the Origin it was paired from.
 *
 * <p>Tokens are 256 random bits; only their SHA-256 is kept, in {@code <home>/pairings.properties}
 * (owner-only where the file system has POSIX permissions), so pairing survives restarts and the
 * file gives no token away. A code is 6 random digits, valid for {@link #CODE_VALIDITY}, cancelled
 * after {@link #MAX_ATTEMPTS} wrong tries; at most {@link #MAX_PENDING} pairings wait at a time,
 * and after {@link #MAX_WRONG_CODES} wrong codes in all the agent takes no more pairings until it
 * is restarted, which bounds guessing to that many tries in a million.
 */
final class Pairing {

  static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
  static final int MAX_ATTEMPTS = 3;
  static final int MAX_PENDING = 5;
  static final int MAX_WRONG_CODES = 20;
  static final String FILE = "pairings.properties";

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
  private static final Pattern PAIRING_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

  private final Path file;
  private final PinPrompt prompt;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /** SHA-256 (hex) of each token → its origin ("" for none); guarded by {@code this}. */
  private final Map<String, String> tokens = new LinkedHashMap<>();

  private final Map<String, Pending> pending = new LinkedHashMap<>();
  private int wrongCodes;

  private static final class Pending {
    final String origin;
    final byte[] code;
    final Instant expires;
    int attemptsLeft = MAX_ATTEMPTS;

    Pending(String origin, byte[] code, Instant expires) {
      this.origin = origin;
      this.code = code;
      this.expires = expires;
    }
  }

  Pairing(Path home, PinPrompt prompt, Clock clock) {
    this.file = home.resolve(FILE);
    this.prompt = prompt;
    this.clock = clock;
    load();
  }

  /**
   * Starts a pairing for {@code origin} (the request's Origin, null without one) and shows its code
   * to the official. Returns the pairing id.
   */
  String start(String origin, String claimedOrigin) {
    if (origin != null && claimedOrigin != null && !origin.equals(claimedOrigin)) {
      throw AgentException.badRequest(
          "Trường origin (" + PinPrompt.clean(claimedOrigin, 200) + ") khác với nguồn của trang");
    }
    String code = String.format("%06d", random.nextInt(1_000_000));
    String id;
    synchronized (this) {
      if (wrongCodes >= MAX_WRONG_CODES) {
        throw new AgentException(
            429,
            "pairing-locked",
            "Đã nhập sai mã ghép nối quá nhiều lần: khởi động lại chương trình ký số để ghép nối"
                + " tiếp");
      }
      purgeExpired();
      if (pending.size() >= MAX_PENDING) {
        throw new AgentException(
            429,
            "too-many-pairings",
            "Đang có quá nhiều yêu cầu ghép nối chờ xác nhận: hãy thử lại sau vài phút");
      }
      id = randomText(16);
      pending.put(
          id,
          new Pending(
              origin,
              code.getBytes(StandardCharsets.US_ASCII),
              clock.instant().plus(CODE_VALIDITY)));
    }
    // Without an Origin the caller is a program on this computer; what it claims is only shown.
    prompt.showPairingCode(
        origin != null || claimedOrigin == null
            ? origin
            : "một chương trình trên máy này, tự xưng là " + PinPrompt.clean(claimedOrigin, 200),
        code);
    return id;
  }

  /** Completes a pairing with the code the official read; returns the new bearer token. */
  String complete(String pairingId, String origin, String code) {
    String token;
    synchronized (this) {
      purgeExpired();
      Pending waiting = PAIRING_ID.matcher(pairingId).matches() ? pending.get(pairingId) : null;
      if (waiting == null || !Objects.equals(waiting.origin, origin)) {
        throw new AgentException(
            404,
            "unknown-pairing",
            "Không có yêu cầu ghép nối này (đã hết hạn, đã bị hủy hoặc từ trang khác): hãy ghép nối"
                + " lại");
      }
      byte[] given = code == null ? new byte[0] : code.strip().getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(waiting.code, given)) {
        wrongCodes++;
        waiting.attemptsLeft--;
        if (waiting.attemptsLeft <= 0) {
          pending.remove(pairingId);
          throw new AgentException(
              401,
              "pairing-cancelled",
              "Sai mã ghép nối " + MAX_ATTEMPTS + " lần: yêu cầu ghép nối đã bị hủy");
        }
        throw new AgentException(401, "wrong-code", "Sai mã ghép nối")
            .with("attemptsLeft", waiting.attemptsLeft);
      }
      pending.remove(pairingId);
      token = randomText(32);
      tokens.put(hash(token), origin == null ? "" : origin);
      save();
    }
    prompt.paired(origin);
    return token;
  }

  /** Whether {@code authorization} is "Bearer" and a token paired for {@code origin}. */
  synchronized boolean isPaired(String authorization, String origin) {
    if (authorization == null) {
      return false;
    }
    String[] parts = authorization.strip().split(" +", 2);
    if (parts.length != 2
        || !parts[0].equalsIgnoreCase("Bearer")
        || !TOKEN.matcher(parts[1]).matches()) {
      return false;
    }
    String pairedOrigin = tokens.get(hash(parts[1]));
    return pairedOrigin != null && pairedOrigin.equals(origin == null ? "" : origin);
  }

  private void purgeExpired() {
    Instant now = clock.instant();
    for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().expires)) {
        it.remove();
      }
    }
  }

  private String randomText(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }

  private static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void load() {
    if (!Files.isRegularFile(file)) {
      return;
    }
    Properties stored = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      stored.load(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("Không đọc được " + file + ": " + e.getMessage(), e);
    }
    for (String key : stored.stringPropertyNames()) {
      if (key.matches("[0-9a-f]{64}")) {
        tokens.put(key, stored.getProperty(key));
      }
    }
  }

  /** Called holding {@code this}: a temporary file, owner-only, renamed over the old one. */
  private void save() {
    Properties stored = new Properties();
    tokens.forEach(stored::setProperty);
    try {
      Path folder = file.getParent();
      Files.createDirectories(folder);
      Path tmp = Files.createTempFile(folder, "pairings", ".tmp");
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        stored.store(out, "Liên Thông signing agent: SHA-256 of each paired token = its origin");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
