package vn.lienthong.infrastructure.startup;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.lienthong.application.security.Passwords;
import vn.lienthong.domain.user.PasswordPolicy;
import vn.lienthong.signing.validation.NoTrustAnchorsException;
import vn.lienthong.signing.validation.TrustAnchors;

/**
 * What a production start checks before it serves anyone. Every problem found is listed in one
 * message, and the deployment fails with it: a server with the demo accounts' password, a built-in
 * database password, no TLS key or no trust anchors never answers a request.
 */
final class ProductionStart {
  private static final Logger LOG = Logger.getLogger(ProductionStart.class);

  /** What the environment must give; each problem names the variable that fixes it. */
  record Configuration(
      boolean databasePasswordGiven,
      Optional<Path> tlsKeystore,
      Optional<char[]> tlsKeystorePassword,
      Optional<Path> trustAnchors,
      Optional<Path> sealKeys,
      Optional<Path> unitsFile) {}

  private ProductionStart() {}

  static List<String> configurationProblems(Configuration c) {
    List<String> problems = new ArrayList<>();
    if (!c.databasePasswordGiven()) {
      problems.add("chưa đặt mật khẩu cơ sở dữ liệu (POSTGRESQL_PASSWORD)");
    }
    problems.addAll(tlsProblems(c.tlsKeystore(), c.tlsKeystorePassword()));
    if (c.trustAnchors().isEmpty()) {
      problems.add(
          "chưa cấu hình chứng thư gốc tin cậy (LIENTHONG_TRUST_ANCHORS, thư mục chứng thư gốc)");
    } else {
      try {
        TrustAnchors.fromFolder(c.trustAnchors().get());
      } catch (NoTrustAnchorsException e) {
        problems.add(
            "thư mục chứng thư gốc tin cậy không có chứng thư nào (LIENTHONG_TRUST_ANCHORS="
                + c.trustAnchors().get()
                + ")");
      } catch (RuntimeException e) {
        problems.add("không đọc được chứng thư gốc tin cậy: " + e.getMessage());
      }
    }
    c.sealKeys()
        .filter(f -> !Files.isRegularFile(f))
        .ifPresent(
            f ->
                problems.add("không có tệp cấu hình khóa con dấu (LIENTHONG_SEAL_KEYS=" + f + ")"));
    c.unitsFile()
        .filter(f -> !Files.isRegularFile(f))
        .ifPresent(f -> problems.add("không có tệp cây đơn vị (LIENTHONG_UNITS_FILE=" + f + ")"));
    return problems;
  }

  private static List<String> tlsProblems(Optional<Path> keystore, Optional<char[]> password) {
    if (keystore.isEmpty()) {
      return List.of("chưa cấu hình khóa TLS của máy chủ (LIENTHONG_TLS_KEYSTORE, tệp PKCS#12)");
    }
    Path file = keystore.get();
    if (!Files.isRegularFile(file)) {
      return List.of("không có tệp khóa TLS (LIENTHONG_TLS_KEYSTORE=" + file + ")");
    }
    if (password.isEmpty()) {
      return List.of("chưa đặt mật khẩu tệp khóa TLS (LIENTHONG_TLS_KEYSTORE_PASSWORD)");
    }
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password.get());
      for (String alias : Collections.list(ks.aliases())) {
        if (ks.isKeyEntry(alias)) {
          // WildFly makes itself a self-signed keystore where none is found: never the unit's
          if (ks.getCertificate(alias) instanceof X509Certificate cert
              && cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return List.of(
                "tệp khóa TLS chứa chứng thư tự ký, không phải chứng thư TLS của đơn vị"
                    + " (LIENTHONG_TLS_KEYSTORE="
                    + file
                    + ")");
          }
          return List.of();
        }
      }
      return List.of("tệp khóa TLS không chứa khóa riêng (LIENTHONG_TLS_KEYSTORE=" + file + ")");
    } catch (IOException | java.security.GeneralSecurityException e) {
      // the message of a wrong password names no secret
      return List.of(
          "không mở được tệp khóa TLS (LIENTHONG_TLS_KEYSTORE="
              + file
              + "): sai mật khẩu hoặc không phải PKCS#12");
    }
  }

  /** Loads the unit tree file (units that exist are left as they are); returns units added. */
  static int loadUnits(DataSource dataSource, Path file) {
    JsonObject tree;
    try (InputStream in = Files.newInputStream(file);
        JsonReader r = Json.createReader(in)) {
      tree = r.readObject();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(
          "Không đọc được tệp cây đơn vị " + file + ": " + e.getMessage(), e);
    }
    int added = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      int order = 0;
      for (JsonValue v : tree.getJsonArray("units")) {
        added += DemoDistrict.insertUnit(c, v.asJsonObject(), order++);
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Không nạp được cây đơn vị từ " + file, e);
    }
    if (added > 0) {
      LOG.infof("unit tree loaded from %s: %d units added", file, added);
    }
    return added;
  }

  /**
   * Problems the database shows: no unit at all, or demo accounts that open with a demo password.
   */
  static List<String> databaseProblems(DataSource dataSource, Set<String> demoPasswords) {
    List<String> problems = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM unit")) {
        rs.next();
        if (rs.getLong(1) == 0) {
          problems.add("chưa có cây đơn vị (LIENTHONG_UNITS_FILE, tệp JSON các đơn vị)");
        }
      }
      List<String> open = new ArrayList<>();
      Set<String> demoAccounts = DemoDistrict.demoAccounts();
      try (PreparedStatement ps =
          c.prepareStatement("SELECT username, password_hash FROM app_user WHERE enabled")) {
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String name = rs.getString(1);
            String hash = rs.getString(2);
            if (demoAccounts.contains(name)
                && demoPasswords.stream().anyMatch(p -> Passwords.matches(hash, p))) {
              open.add(name);
            }
          }
        }
      }
      if (!open.isEmpty()) {
        problems.add(
            open.size()
                + " tài khoản demo vẫn dùng mật khẩu demo ("
                + String.join(", ", open.subList(0, Math.min(5, open.size())))
                + (open.size() > 5 ? ", …" : "")
                + "): khóa chúng (enabled = false) hoặc đổi mật khẩu");
      }
    } catch (SQLException e) {
      problems.add("không đọc được cơ sở dữ liệu: " + e.getMessage());
    }
    return problems;
  }

  /** Whether any enabled administrator exists. */
  static boolean hasAdministrator(DataSource dataSource) {
    try (Connection c = dataSource.getConnection();
        ResultSet rs =
            c.createStatement()
                .executeQuery("SELECT 1 FROM app_user WHERE role = 'ADMIN' AND enabled LIMIT 1")) {
      return rs.next();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Makes the first administrator, in the root unit of the tree. The password meets the policy or
   * the start is refused.
   */
  static void createAdministrator(DataSource dataSource, String username, String password) {
    String problem = PasswordPolicy.problem(username, password);
    if (problem != null) {
      throw new IllegalStateException(
          "Mật khẩu quản trị viên đầu tiên (LIENTHONG_ADMIN_PASSWORD) chưa đạt: " + problem);
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO app_user (username, password_hash, full_name, role, unit_code)"
                    + " SELECT ?, ?, ?, 'ADMIN', code FROM unit WHERE parent_code IS NULL"
                    + " ORDER BY sort_order, code LIMIT 1 ON CONFLICT (username) DO NOTHING")) {
      ps.setString(1, username);
      ps.setString(2, Passwords.hash(password));
      ps.setString(3, "Quản trị hệ thống");
      if (ps.executeUpdate() == 1) {
        LOG.infof("first administrator %s created", username);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
