package vn.lienthong.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.lienthong.application.security.LoginLimits;

/**
 * The application's settings, from MicroProfile Config: system properties, then environment
 * variables (LIENTHONG_UPLOAD_MAX_BYTES for lienthong.upload.max-bytes), then these defaults.
 */
@ApplicationScoped
public class Settings {
  /** Vietnam's civil time, for register years and the dates users see (UTC+7, no DST). */
  public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @Inject
  @ConfigProperty(name = "lienthong.upload.max-bytes", defaultValue = "104857600")
  long uploadMaxBytes;

  @Inject
  @ConfigProperty(name = "lienthong.content.cache-mb", defaultValue = "1024")
  long contentCacheMb;

  @Inject
  @ConfigProperty(name = "lienthong.exchange.republish-after-seconds", defaultValue = "30")
  long republishAfterSeconds;

  @Inject
  @ConfigProperty(name = "lienthong.exchange.failed-after-dead-letters", defaultValue = "3")
  int failedAfterDeadLetters;

  @Inject
  @ConfigProperty(name = "lienthong.mode", defaultValue = "production")
  String mode;

  @Inject
  @ConfigProperty(name = "lienthong.demo.seed", defaultValue = "true")
  boolean demoSeed;

  @Inject
  @ConfigProperty(name = "lienthong.demo.dataset", defaultValue = "district")
  String demoDataSet;

  @Inject
  @ConfigProperty(name = "lienthong.data-dir")
  Optional<String> dataDir;

  @Inject
  @ConfigProperty(name = "lienthong.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @Inject
  @ConfigProperty(name = "lienthong.trust.anchors")
  Optional<String> trustAnchors;

  @Inject
  @ConfigProperty(name = "lienthong.trust.tsa-url")
  Optional<String> tsaUrl;

  @Inject
  @ConfigProperty(name = "lienthong.trust.service-urls")
  Optional<String> serviceUrls;

  @Inject
  @ConfigProperty(name = "lienthong.seal.keys")
  Optional<String> sealKeys;

  @Inject
  @ConfigProperty(name = "lienthong.signing.session-minutes", defaultValue = "15")
  long signingSessionMinutes;

  @Inject
  @ConfigProperty(name = "lienthong.verification.max-bytes", defaultValue = "31457280")
  long verificationMaxBytes;

  @Inject
  @ConfigProperty(name = "lienthong.verification.per-minute", defaultValue = "60")
  int verificationsPerMinute;

  @Inject
  @ConfigProperty(name = "demo.password", defaultValue = "demo")
  String demoPassword;

  @Inject
  @ConfigProperty(name = "lienthong.search.few-matches", defaultValue = "1000")
  int searchFewMatches;

  /**
   * A search whose words find at most this many documents reads its page among them; above it, the
   * inbox is walked in order (LIENTHONG_SEARCH_FEW_MATCHES, 1000).
   */
  public int searchFewMatches() {
    return Math.max(1, searchFewMatches);
  }

  @Inject
  @ConfigProperty(name = "lienthong.exchange.register-within-working-hours", defaultValue = "8")
  long registerWithinWorkingHours;

  /**
   * How long an arrived document may wait unregistered before its sender sees it flagged
   * (LIENTHONG_EXCHANGE_REGISTER_WITHIN_WORKING_HOURS, default 8: one working day, as Decree 30 has
   * incoming documents registered on the day they arrive or the next working day).
   */
  public Duration registerWithin() {
    return Duration.ofHours(Math.max(1, registerWithinWorkingHours));
  }

  /**
   * How much disk the local copies of stored files may take (LIENTHONG_CONTENT_CACHE_MB, 1 GiB):
   * downloads are streamed from them, not from the database.
   */
  public long contentCacheBytes() {
    return Math.max(1, contentCacheMb) * 1024 * 1024;
  }

  /** Uploads larger than this are cut off and refused with 413 (default 100 MiB). */
  public long uploadMaxBytes() {
    return uploadMaxBytes;
  }

  /** A queued envelope or pending delivery older than this is published again. */
  public Duration republishAfter() {
    return Duration.ofSeconds(republishAfterSeconds);
  }

  /**
   * A pending delivery whose messages the broker dead-lettered this many times (each after all its
   * redeliveries) has failed: the sweep stops publishing it and both units see why. More than one,
   * so that an outage of the database (every message dead-lettered once) is simply retried.
   */
  public int failedAfterDeadLetters() {
    return Math.max(1, failedAfterDeadLetters);
  }

  /**
   * LIENTHONG_MODE=demo (the README's run command and the tests): the demo district, the demo PKI
   * served by the server and the demo signer. Anything else is production: nothing demo exists.
   */
  public boolean demoMode() {
    return "demo".equalsIgnoreCase(mode.strip());
  }

  /** The demo district is seeded only in demo mode (and can be turned off there). */
  public boolean demoSeed() {
    return demoMode() && demoSeed;
  }

  /**
   * Which demo data set seeds an empty database (LIENTHONG_DEMO_DATASET): "district", the article's
   * district, or "two-level", the 2025 model of a city and its wards.
   */
  public String demoDataSet() {
    return demoDataSet.strip();
  }

  /** Where the server keeps files of its own (the demo PKI, demo keys): LIENTHONG_DATA_DIR. */
  public Path dataDirectory() {
    if (dataDir.filter(d -> !d.isBlank()).isPresent()) {
      return Path.of(dataDir.get().strip());
    }
    return Path.of(System.getProperty("jboss.server.data.dir", "."), "lienthong");
  }

  /** The address users reach the server at, without a trailing slash (demo PKI URLs use it). */
  public String publicUrl() {
    String u = publicUrl.strip();
    return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
  }

  /** Production: a folder of trusted root certificates (DER or PEM), the national roots. */
  public Optional<Path> trustAnchorsFolder() {
    return trustAnchors.map(String::strip).filter(t -> !t.isEmpty()).map(Path::of);
  }

  /** Production: the RFC 3161 timestamp service for B-T and above. */
  public Optional<String> tsaUrl() {
    return tsaUrl.map(String::strip).filter(t -> !t.isEmpty());
  }

  /** Production: the URL prefixes CRLs, OCSP answers and CA certificates may be fetched from. */
  public List<String> serviceUrls() {
    return Arrays.stream(serviceUrls.orElse("").split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  /** The seal-key configuration file (one entry per unit), LIENTHONG_SEAL_KEYS. */
  public Optional<Path> sealKeysFile() {
    return sealKeys.map(String::strip).filter(t -> !t.isEmpty()).map(Path::of);
  }

  /** How long a prepared signature waits for its value. */
  public Duration signingSessionLifetime() {
    return Duration.ofMinutes(signingSessionMinutes);
  }

  /** Public verification: uploads larger than this are cut and refused before any parsing. */
  public long verificationMaxBytes() {
    return verificationMaxBytes;
  }

  /** Public verification: uploads per client address per minute before 429. */
  public int verificationsPerMinute() {
    return verificationsPerMinute;
  }

  public String demoPassword() {
    return demoPassword;
  }

  @Inject
  @ConfigProperty(name = "lienthong.login.account-failures", defaultValue = "10")
  int loginAccountFailures;

  @Inject
  @ConfigProperty(name = "lienthong.login.address-failures", defaultValue = "50")
  int loginAddressFailures;

  @Inject
  @ConfigProperty(name = "lienthong.login.window-seconds", defaultValue = "60")
  long loginWindowSeconds;

  @Inject
  @ConfigProperty(name = "lienthong.login.lockout-seconds", defaultValue = "300")
  long loginLockoutSeconds;

  /**
   * The login throttle (LIENTHONG_LOGIN_ACCOUNT_FAILURES 10, LIENTHONG_LOGIN_ADDRESS_FAILURES 50
   * within LIENTHONG_LOGIN_WINDOW_SECONDS 60, then LIENTHONG_LOGIN_LOCKOUT_SECONDS 300 refused).
   */
  public LoginLimits loginLimits() {
    return new LoginLimits(
        Math.max(1, loginAccountFailures),
        Math.max(1, loginAddressFailures),
        Duration.ofSeconds(Math.max(1, loginWindowSeconds)),
        Duration.ofSeconds(Math.max(1, loginLockoutSeconds)));
  }

  @Inject
  @ConfigProperty(name = "postgresql.password")
  Optional<String> databasePassword;

  /** Production: the database password is given (POSTGRESQL_PASSWORD), never a built-in one. */
  public boolean databasePasswordGiven() {
    return databasePassword.filter(p -> !p.isBlank()).isPresent();
  }

  @Inject
  @ConfigProperty(name = "lienthong.tls.keystore")
  Optional<String> tlsKeystore;

  @Inject
  @ConfigProperty(name = "lienthong.tls.keystore-password")
  Optional<String> tlsKeystorePassword;

  /** The HTTPS listener's PKCS#12 keystore with the unit's TLS key (LIENTHONG_TLS_KEYSTORE). */
  public Optional<Path> tlsKeystore() {
    return tlsKeystore.map(String::strip).filter(t -> !t.isEmpty()).map(Path::of);
  }

  /** Its password (LIENTHONG_TLS_KEYSTORE_PASSWORD): read to check the keystore, never logged. */
  public Optional<char[]> tlsKeystorePassword() {
    return tlsKeystorePassword.filter(p -> !p.isEmpty()).map(String::toCharArray);
  }

  @Inject
  @ConfigProperty(name = "lienthong.units.file")
  Optional<String> unitsFile;

  /** Production: the unit tree to load (LIENTHONG_UNITS_FILE, the demo data sets' format). */
  public Optional<Path> unitsFile() {
    return unitsFile.map(String::strip).filter(t -> !t.isEmpty()).map(Path::of);
  }

  @Inject
  @ConfigProperty(name = "lienthong.admin.username")
  Optional<String> adminUsername;

  @Inject
  @ConfigProperty(name = "lienthong.admin.password")
  Optional<String> adminPassword;

  /**
   * The first administrator, made at start when none exists (LIENTHONG_ADMIN_USERNAME and
   * LIENTHONG_ADMIN_PASSWORD); a production server with no administrator and neither set refuses to
   * start.
   */
  public Optional<String[]> firstAdministrator() {
    if (adminUsername.filter(u -> !u.isBlank()).isEmpty()
        || adminPassword.filter(p -> !p.isEmpty()).isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new String[] {adminUsername.get().strip(), adminPassword.get()});
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
