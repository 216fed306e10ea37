package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is an append-only hash chain: the application cannot change an entry, and one
 * changed or removed behind its back is named by the check.
 */
class AuditChainIT {
  private final Api api = TestServer.api();

  @Test
  void theChainHoldsAndNamesTheFirstEntryChangedOrRemovedBehindItsBack() throws Exception {
    UUID id = api.draft("vanthu.vp", TestPdf.of(2_000, "Nhat ky"));
    JsonObject intact = check();
    assertThat(intact.getBoolean("intact")).as(intact.toString()).isTrue();
    assertThat(intact.getJsonNumber("entries").longValue()).isPositive();

    long entry;
    String detail;
    String sha;
    try (Connection c = TestServer.db();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, detail, document_sha256 FROM audit_event"
                    + " WHERE action = 'DOCUMENT_CREATED' AND object_id = ?")) {
      ps.setString(1, id.toString());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        entry = rs.getLong(1);
        detail = rs.getString(2);
        sha = rs.getString(3);
      }
    }
    assertThat(sha).as("the entry names the document's bytes").hasSize(64);

    // while the trigger stands, no connection changes an entry
    assertThatThrownBy(() -> update(entry, "detail", "QUYET_DINH", false))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("append-only");

    // someone with the database's owner rights can; the check says which entry
    update(entry, "detail", "QUYET_DINH", true);
    try {
      JsonObject changed = check();
      assertThat(changed.getBoolean("intact")).isFalse();
      assertThat(changed.getJsonObject("firstBroken").getJsonNumber("id").longValue())
          .isEqualTo(entry);
      assertThat(changed.getJsonObject("firstBroken").getString("reason")).contains("sửa");
    } finally {
      update(entry, "detail", detail, true);
    }
    assertThat(check().getBoolean("intact")).isTrue();

    // the only way to hide an entry, its removal, breaks the link to the entry after it
    long position = TestServer.count("SELECT chain_position FROM audit_event WHERE id = " + entry);
    api.draft("vanthu.vp", TestPdf.of(2_000, "Nhat ky sau"));
    try (Connection c = TestServer.db()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
        s.execute("CREATE TEMP TABLE kept AS SELECT * FROM audit_event WHERE id = " + entry);
        s.execute("DELETE FROM audit_event WHERE id = " + entry);
        c.commit();
        JsonObject removed = check();
        assertThat(removed.getBoolean("intact")).isFalse();
        assertThat(removed.getJsonObject("firstBroken").getJsonNumber("position").longValue())
            .isEqualTo(position + 1);
        assertThat(removed.getJsonObject("firstBroken").getString("reason")).contains("xóa");
        s.execute("INSERT INTO audit_event SELECT * FROM kept");
        s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
        c.commit();
      }
    }
    assertThat(check().getBoolean("intact")).isTrue();

    assertThat(api.get("vanthu.vp", "api/v1/audit/chain").status()).isEqualTo(403);
  }

  private JsonObject check() {
    Api.Answer a = api.get("admin", "api/v1/audit/chain");
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return a.json();
  }

  private static void update(long id, String column, String value, boolean asOwner)
      throws SQLException {
    try (Connection c = TestServer.db()) {
      c.setAutoCommit(false);
      try (var s = c.createStatement()) {
        if (asOwner) {
          s.execute("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update");
        }
        try (PreparedStatement ps =
            c.prepareStatement("UPDATE audit_event SET " + column + " = ? WHERE id = ?")) {
          ps.setString(1, value);
          ps.setLong(2, id);
          ps.executeUpdate();
        }
        if (asOwner) {
          s.execute("ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update");
        }
      }
      c.commit();
    }
  }
}
