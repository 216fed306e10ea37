package vn.lienthong.infrastructure.startup;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import vn.lienthong.application.security.Passwords;
import vn.lienthong.domain.unit.Unit;

/**
 * Seeds a demo data set (META-INF/demo/&lt;set&gt;.json: the article's district by default, or the
 * 2025 two-level model, city and wards with no district): its units with their drafting divisions
 * and, for each unit, a clerk, a leader and an officer (vanthu.&lt;n&gt;, lanhdao.&lt;n&gt;,
 * chuyenvien.&lt;n&gt;), plus admin. Accounts that exist are left alone, so a changed password
 * survives a restart.
 */
final class DemoDistrict {
  private static final Logger LOG = Logger.getLogger(DemoDistrict.class);

  /** The data sets under META-INF/demo/: the article's district, or the 2025 two-level model. */
  static final List<String> DATA_SETS = List.of("district", "two-level");

  private final DataSource dataSource;
  private final String password;
  private final String dataSet;

  DemoDistrict(DataSource dataSource, String password, String dataSet) {
    if (!DATA_SETS.contains(dataSet)) {
      throw new IllegalArgumentException(
          "LIENTHONG_DEMO_DATASET must be one of " + DATA_SETS + ", not " + dataSet);
    }
    this.dataSource = dataSource;
    this.password = password;
    this.dataSet = dataSet;
  }

  void seed() {
    JsonObject district = read(dataSet);
    int units = 0;
    int users = 0;
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      int order = 0;
      for (JsonValue v : district.getJsonArray("units")) {
        JsonObject u = v.asJsonObject();
        units += insertUnit(c, u, order++);
      }
      for (JsonValue v : district.getJsonArray("units")) {
        JsonObject u = v.asJsonObject();
        String key = Unit.accountKey(u.getString("shortName"));
        for (JsonValue r : district.getJsonArray("roles")) {
          JsonObject role = r.asJsonObject();
          String username = role.getString("prefix") + "." + key;
          String fullName = role.getString("title") + " — " + u.getString("name");
          users += insertUser(c, username, fullName, role.getString("role"), u.getString("code"));
        }
      }
      JsonObject admin = district.getJsonObject("admin");
      users +=
          insertUser(
              c,
              admin.getString("username"),
              admin.getString("fullName"),
              "ADMIN",
              admin.getString("unit"));
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("demo district seed failed", e);
    }
    if (units + users > 0) {
      LOG.infof("demo district seeded: %d units, %d accounts", units, users);
    }
  }

  static JsonObject read(String dataSet) {
    try (InputStream in =
            DemoDistrict.class
                .getClassLoader()
                .getResourceAsStream("META-INF/demo/" + dataSet + ".json");
        JsonReader r = Json.createReader(in)) {
      return r.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int insertUnit(Connection c, JsonObject u, int order) throws SQLException {
    int inserted;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO unit (code, name, notation, short_name, parent_code, sort_order)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (code) DO NOTHING")) {
      ps.setString(1, u.getString("code"));
      ps.setString(2, u.getString("name"));
      ps.setString(3, u.getString("notation"));
      ps.setString(4, u.getString("shortName"));
      ps.setString(5, u.isNull("parent") ? null : u.getString("parent"));
      ps.setInt(6, order);
      inserted = ps.executeUpdate();
    }
    // divisions are seeded on every start, so a database from before they existed gets them
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO unit_division (unit_code, abbreviation, name) VALUES (?, ?, ?)"
                + " ON CONFLICT (unit_code, abbreviation) DO NOTHING")) {
      for (JsonValue d :
          u.getJsonArray("divisions") == null
              ? JsonValue.EMPTY_JSON_ARRAY
              : u.getJsonArray("divisions")) {
        ps.setString(1, u.getString("code"));
        ps.setString(2, d.asJsonObject().getString("abbreviation"));
        ps.setString(3, d.asJsonObject().getString("name"));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    return inserted;
  }

  private int insertUser(Connection c, String username, String fullName, String role, String unit)
      throws SQLException {
    try (PreparedStatement check =
        c.prepareStatement("SELECT 1 FROM app_user WHERE username = ?")) {
      check.setString(1, username);
      try (ResultSet rs = check.executeQuery()) {
        if (rs.next()) {
          return 0; // hashing is deliberately slow: skip it for accounts that exist
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO app_user (username, password_hash, full_name, role, unit_code)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING")) {
      ps.setString(1, username);
      ps.setString(2, hash(password));
      ps.setString(3, fullName);
      ps.setString(4, role);
      ps.setString(5, unit);
      return ps.executeUpdate();
    }
  }

  /** bcrypt in modular crypt form ($2a$10$...), which the Elytron JDBC realm verifies. */
  String hash(String secret) {
    return Passwords.hash(secret);
  }

  /**
   * The accounts every demo data set makes: admin and, per unit, one per role. Production refuses
   * to start while one of them still opens with the demo password.
   */
  static java.util.Set<String> demoAccounts() {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (String set : DATA_SETS) {
      JsonObject data = read(set);
      names.add(data.getJsonObject("admin").getString("username"));
      for (JsonValue v : data.getJsonArray("units")) {
        String key = Unit.accountKey(v.asJsonObject().getString("shortName"));
        for (JsonValue r : data.getJsonArray("roles")) {
          names.add(r.asJsonObject().getString("prefix") + "." + key);
        }
      }
    }
    return names;
  }
}
