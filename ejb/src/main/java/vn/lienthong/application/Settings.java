package vn.lienthong.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
  @ConfigProperty(name = "lienthong.exchange.republish-after-seconds", defaultValue = "30")
  long republishAfterSeconds;

  @Inject
  @ConfigProperty(name = "lienthong.demo.seed", defaultValue = "true")
  boolean demoSeed;

  @Inject
  @ConfigProperty(name = "demo.password", defaultValue = "demo")
  String demoPassword;

  /** Uploads larger than this are cut off and refused with 413 (default 100 MiB). */
  public long uploadMaxBytes() {
    return uploadMaxBytes;
  }

  /** A queued envelope or pending delivery older than this is published again. */
  public Duration republishAfter() {
    return Duration.ofSeconds(republishAfterSeconds);
  }

  public boolean demoSeed() {
    return demoSeed;
  }

  public String demoPassword() {
    return demoPassword;
  }

  @Produces
  @ApplicationScoped
  Clock clock() {
    return Clock.systemUTC();
  }
}
