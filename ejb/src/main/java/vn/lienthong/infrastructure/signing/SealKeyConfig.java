package vn.lienthong.infrastructure.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11KeySource;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.key.TokenSelector;

/**
 * The seal keys of the units, one entry per unit's organ code in a properties file
 * (LIENTHONG_SEAL_KEYS):
 *
 * <pre>
 * 000.03.31.H17.type=pkcs11
 * 000.03.31.H17.library=/usr/lib/softhsm/libsofthsm2.so
 * 000.03.31.H17.token=qldt-seal          (or .slot-index=0)
 * 000.03.31.H17.key=seal
 * 000.03.31.H17.pin=env:QLDT_SEAL_PIN    (or file:/run/secrets/qldt-pin, or the value)
 *
 * 000.04.31.H17.type=pkcs12
 * 000.04.31.H17.file=/etc/lienthong/tp-seal.p12
 * 000.04.31.H17.password=env:TP_SEAL_PASSWORD
 * 000.04.31.H17.alias=key                (optional: the file's only key otherwise)
 * </pre>
 */
final class SealKeyConfig {
  private SealKeyConfig() {}

  /**
   * A configured key: where it is, for health output, and its source; or, when the source cannot
   * even be made (a missing file), why: that unit cannot seal, the others still can.
   */
  record Entry(String unitCode, String description, KeySource source, String problem) {}

  static Map<String, Entry> read(Path file) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(file);
        var reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the seal-key configuration " + file, e);
    }
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      if (!name.endsWith(".type")) {
        continue;
      }
      String unit = name.substring(0, name.length() - ".type".length());
      String type = p.getProperty(name).strip();
      entries.put(unit, entry(unit, type, p));
    }
    return entries;
  }

  private static Entry entry(String unit, String type, Properties p) {
    switch (type) {
      case "pkcs11":
        {
          Path library = Path.of(required(p, unit, "library"));
          String index = p.getProperty(unit + ".slot-index");
          TokenSelector token =
              index != null
                  ? TokenSelector.slotListIndex(Integer.parseInt(index.strip()))
                  : TokenSelector.tokenLabel(required(p, unit, "token"));
          String key = required(p, unit, "key");
          char[] pin = secret(required(p, unit, "pin")).toCharArray();
          String where =
              "PKCS#11 "
                  + library.getFileName()
                  + (index != null ? " slot " + index : " token " + p.getProperty(unit + ".token"))
                  + " key "
                  + key;
          return opened(unit, where, () -> new Pkcs11KeySource(library, token, key, pin));
        }
      case "pkcs12":
        {
          Path file = Path.of(required(p, unit, "file"));
          char[] password = secret(required(p, unit, "password")).toCharArray();
          String alias = p.getProperty(unit + ".alias");
          return opened(
              unit,
              "PKCS#12 " + file.getFileName(),
              () -> new Pkcs12KeySource(file, password, alias));
        }
      default:
        throw new IllegalStateException(
            "seal key of " + unit + ": type must be pkcs11 or pkcs12, not " + type);
    }
  }

  private static Entry opened(
      String unit, String where, java.util.function.Supplier<KeySource> source) {
    try {
      return new Entry(unit, where, source.get(), null);
    } catch (RuntimeException e) {
      return new Entry(unit, where, null, e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  private static String required(Properties p, String unit, String key) {
    String v = p.getProperty(unit + "." + key);
    if (v == null || v.isBlank()) {
      throw new IllegalStateException("seal key of " + unit + ": " + key + " is missing");
    }
    return v.strip();
  }

  /** env:NAME reads an environment variable, file:/path a file's first line; else the value. */
  static String secret(String value) {
    if (value.startsWith("env:")) {
      String v = System.getenv(value.substring(4));
      if (v == null) {
        throw new IllegalStateException("environment variable " + value.substring(4) + " unset");
      }
      return v;
    }
    if (value.startsWith("file:")) {
      try {
        return Files.readString(Path.of(value.substring(5))).lines().findFirst().orElse("");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return value;
  }
}
